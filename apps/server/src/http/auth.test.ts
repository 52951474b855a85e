import { findUserByEmail, listAudit, openDatabase } from "@junction/store";
import { testDatabaseUrl } from "@junction/store/testing";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../auth/passwords";
import {
  createHarness,
  createTestNetwork,
  type Harness,
  ORIGIN,
  snapshotDatabase,
  sqliteOf,
} from "../test/harness";

const PASSWORD = "a long and winding demo passphrase";
let passwordHash = "";
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

function setUp(): { h: Harness; n: ReturnType<typeof createTestNetwork> } {
  const h = createHarness();
  harness = h;
  return { h, n: createTestNetwork(h, passwordHash) };
}

async function signIn(h: Harness, email: string, password = PASSWORD): Promise<Response> {
  return h.request("/api/auth/login", {
    method: "POST",
    headers: { origin: ORIGIN },
    json: { email, password },
  });
}

function sessionCookie(response: Response): string {
  const header = response.headers.get("set-cookie") ?? "";
  const match = /junction_session=([^;]+)/.exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `junction_session=${match[1]}`;
}

describe("signing in", () => {
  it("sets an HttpOnly SameSite session cookie and answers the user", async () => {
    const { h } = setUp();
    const response = await signIn(h, "Editor@Example.test");
    expect(response.status).toBe(200);
    const cookie = response.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    const me = (await response.json()) as { email: string; memberships: { role: string }[] };
    expect(me.email).toBe("editor@example.test");
    expect(me.memberships[0]?.role).toBe("editor");
    const again = await h.request("/api/me", { headers: { cookie: sessionCookie(response) } });
    expect(again.status).toBe(200);
  });

  it("answers a wrong password and an unknown email with the same 401 body", async () => {
    const { h } = setUp();
    const wrong = await signIn(h, "editor@example.test", "not the password at all");
    const unknown = await signIn(h, "nobody@example.test", "not the password at all");
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const actions = listAudit(h.db).map((e) => e.action);
    expect(actions.filter((a) => a === "auth.sign-in-failed")).toHaveLength(2);
  });

  it("locks an account out after repeated failures with 429 and Retry-After, then lets it back", async () => {
    const { h } = setUp();
    for (let i = 0; i < 5; i++)
      expect((await signIn(h, "viewer@example.test", "wrong guess number x")).status).toBe(401);
    const locked = await signIn(h, "viewer@example.test");
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    const body = (await locked.json()) as { error: { code: string } };
    expect(body.error.code).toBe("rate_limited");
    h.advance(16 * 60 * 1000);
    expect((await signIn(h, "viewer@example.test")).status).toBe(200);
  });

  it("rejects a malformed body with a clear 400", async () => {
    const { h } = setUp();
    const response = await h.request("/api/auth/login", {
      method: "POST",
      headers: { origin: ORIGIN, "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/not valid JSON/);
  });
});

describe("sessions", () => {
  it("expires after the idle period, and each use slides the expiry forward", async () => {
    const { h } = setUp();
    const cookie = sessionCookie(await signIn(h, "editor@example.test"));
    const day = 24 * 60 * 60 * 1000;
    h.advance(20 * day);
    const renewed = await h.request("/api/me", { headers: { cookie } });
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get("set-cookie")).toMatch(/junction_session=/);
    h.advance(20 * day);
    expect((await h.request("/api/me", { headers: { cookie } })).status).toBe(200);
    h.advance(31 * day);
    expect((await h.request("/api/me", { headers: { cookie } })).status).toBe(401);
  });

  it("signs out this session, and every other session on request", async () => {
    const { h } = setUp();
    const first = sessionCookie(await signIn(h, "editor@example.test"));
    const second = sessionCookie(await signIn(h, "editor@example.test"));
    const others = await h.request("/api/auth/logout-others", {
      method: "POST",
      headers: { cookie: second, origin: ORIGIN },
    });
    expect(await others.json()).toEqual({ count: 2 });
    expect((await h.request("/api/me", { headers: { cookie: first } })).status).toBe(401);
    const out = await h.request("/api/auth/logout", {
      method: "POST",
      headers: { cookie: second, origin: ORIGIN },
    });
    expect(out.status).toBe(204);
    expect((await h.request("/api/me", { headers: { cookie: second } })).status).toBe(401);
  });

  it("lets a user sign out one of their own sessions but not someone else's", async () => {
    const { h, n } = setUp();
    const mine = sessionCookie(await signIn(h, "editor@example.test"));
    const sessions = (await (
      await h.request("/api/sessions", { headers: { cookie: mine } })
    ).json()) as { id: string; current: boolean }[];
    const other = sessions.find((s) => !s.current);
    expect(other).toBeDefined();
    const foreign = await h.request(`/api/sessions/${other?.id}`, {
      method: "DELETE",
      headers: { cookie: n.cookies.viewer, origin: ORIGIN },
    });
    expect(foreign.status).toBe(404);
    const own = await h.request(`/api/sessions/${other?.id}`, {
      method: "DELETE",
      headers: { cookie: mine, origin: ORIGIN },
    });
    expect(own.status).toBe(204);
  });
});

describe("CSRF", () => {
  it("refuses a cookie-authenticated change without a matching Origin, and changes nothing", async () => {
    const { h, n } = setUp();
    const before = snapshotDatabase(h.db);
    const attempts: Record<string, string>[] = [
      { cookie: n.cookies.coordinator },
      { cookie: n.cookies.coordinator, origin: "https://evil.example" },
    ];
    for (const headers of attempts) {
      const response = await h.request(`/api/networks/${n.networkId}/workplans`, {
        method: "POST",
        headers,
        json: { title: "Forged" },
      });
      expect(response.status).toBe(403);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe("csrf");
    }
    expect(snapshotDatabase(h.db)).toBe(before);
  });

  it("lets bearer tokens change things without an Origin", async () => {
    const { h, n } = setUp();
    const created = await h.request("/api/tokens", {
      method: "POST",
      headers: { cookie: n.cookies.editor, origin: ORIGIN },
      json: { name: "script" },
    });
    const { token } = (await created.json()) as { token: string };
    const response = await h.request(`/api/networks/${n.networkId}/workplans`, {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      json: { title: "From a script" },
    });
    expect(response.status).toBe(201);
  });
});

describe("API tokens", () => {
  it("shows the secret once, lists tokens without it, records last use, and refuses it once revoked", async () => {
    const { h, n } = setUp();
    const headers = { cookie: n.cookies.viewer, origin: ORIGIN };
    const created = await h.request("/api/tokens", {
      method: "POST",
      headers,
      json: { name: "reporting" },
    });
    expect(created.status).toBe(201);
    const { id, token } = (await created.json()) as { id: string; token: string };
    expect(token.length).toBeGreaterThan(30);
    const bearer = { authorization: `Bearer ${token}` };
    expect((await h.request("/api/me", { headers: bearer })).status).toBe(200);
    const list = await (await h.request("/api/tokens", { headers })).text();
    expect(list).not.toContain(token.split(".")[1]);
    expect(JSON.parse(list)[0].lastUsedAt).not.toBeNull();
    const foreign = await h.request(`/api/tokens/${id}`, {
      method: "DELETE",
      headers: { cookie: n.cookies.editor, origin: ORIGIN },
    });
    expect(foreign.status).toBe(404);
    expect((await h.request(`/api/tokens/${id}`, { method: "DELETE", headers })).status).toBe(204);
    const refused = await h.request("/api/me", { headers: bearer });
    expect(refused.status).toBe(401);
  });
});

describe("security headers", () => {
  it("sends a content security policy and no-sniff on every response", async () => {
    const { h } = setUp();
    for (const path of ["/health", "/api/me", "/api/nothing-here"]) {
      const response = await h.request(path);
      expect(response.headers.get("content-security-policy")).toMatch(/default-src 'self'/);
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    }
  });

  it("names the request on every answer, errors included, and refuses a body over 1 MiB", async () => {
    const { h, n } = setUp();
    for (const path of ["/health", "/api/me", "/api/nothing-here"]) {
      const response = await h.request(path, { headers: { "x-request-id": "bench-7" } });
      expect(response.headers.get("x-request-id")).toBe("bench-7");
    }
    expect((await h.request("/api/me")).headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
    const tooBig = await h.request("/api/tokens", {
      method: "POST",
      headers: { cookie: n.cookies.editor, origin: ORIGIN, "x-request-id": "big" },
      json: { name: "x".repeat(1024 * 1024) },
    });
    expect(tooBig.status).toBe(413);
    expect(tooBig.headers.get("x-request-id")).toBe("big");
    expect(((await tooBig.json()) as { error: { code: string } }).error.code).toBe(
      "payload_too_large",
    );
  });
});

describe("invitations", () => {
  async function invite(
    h: Harness,
    n: ReturnType<typeof createTestNetwork>,
    email: string,
    role = "editor",
  ) {
    const response = await h.request(`/api/networks/${n.networkId}/invitations`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { email, organisationId: n.orgB, role },
    });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; link: string };
  }

  it("creates the account from a single-use link, which then no longer works", async () => {
    const { h, n } = setUp();
    const { link } = await invite(h, n, "New.Person@example.test");
    const token = link.split("/invitations/")[1] ?? "";
    const preview = await h.request(`/api/invitations/accept/${token}`);
    expect(await preview.json()).toMatchObject({
      email: "new.person@example.test",
      role: "editor",
    });
    const weak = await h.request(`/api/invitations/accept/${token}`, {
      method: "POST",
      headers: { origin: ORIGIN },
      json: { name: "New Person", password: "short" },
    });
    expect(weak.status).toBe(400);
    const accepted = await h.request(`/api/invitations/accept/${token}`, {
      method: "POST",
      headers: { origin: ORIGIN },
      json: { name: "New Person", password: "tangerine ferry lantern orbit" },
    });
    expect(accepted.status).toBe(200);
    const me = (await accepted.json()) as {
      memberships: { role: string; organisationId: string }[];
    };
    expect(me.memberships).toEqual([
      expect.objectContaining({ role: "editor", organisationId: n.orgB }),
    ]);
    expect(
      (await h.request(`/api/me`, { headers: { cookie: sessionCookie(accepted) } })).status,
    ).toBe(200);
    const reused = await h.request(`/api/invitations/accept/${token}`, {
      method: "POST",
      headers: { origin: ORIGIN },
      json: { name: "Someone Else", password: "another long passphrase here" },
    });
    expect(reused.status).toBe(404);
    expect(h.roleChanges).toContainEqual(expect.objectContaining({ role: "editor" }));
  });

  it("refuses an expired link with the same message as an unknown one", async () => {
    const { h, n } = setUp();
    const { link } = await invite(h, n, "late@example.test");
    const token = link.split("/invitations/")[1] ?? "";
    h.advance(8 * 24 * 60 * 60 * 1000);
    const expired = await h.request(`/api/invitations/accept/${token}`);
    const unknown = await h.request("/api/invitations/accept/aaaa.bbbb");
    expect(expired.status).toBe(404);
    expect(await expired.json()).toEqual(await unknown.json());
  });

  it("adds a membership to an existing account that proves its password", async () => {
    const { h, n } = setUp();
    const { link } = await invite(h, n, "stranger@example.test", "commenter");
    const token = link.split("/invitations/")[1] ?? "";
    const wrong = await h.request(`/api/invitations/accept/${token}`, {
      method: "POST",
      headers: { origin: ORIGIN },
      json: { password: "wrong wrong wrong wrong" },
    });
    expect(wrong.status).toBe(401);
    const ok = await h.request(`/api/invitations/accept/${token}`, {
      method: "POST",
      headers: { origin: ORIGIN },
      json: { password: PASSWORD },
    });
    expect(ok.status).toBe(200);
    const me = (await ok.json()) as { memberships: unknown[] };
    expect(me.memberships).toHaveLength(2);
    expect(findUserByEmail(h.db, "stranger@example.test")).not.toBeNull();
  });

  it("will not let a signed-in user accept someone else's invitation", async () => {
    const { h, n } = setUp();
    const { link } = await invite(h, n, "someone@example.test");
    const token = link.split("/invitations/")[1] ?? "";
    const response = await h.request(`/api/invitations/accept/${token}`, {
      method: "POST",
      headers: { cookie: n.cookies.viewer, origin: ORIGIN },
      json: {},
    });
    expect(response.status).toBe(403);
  });
});

describe("invitations and password guessing", () => {
  async function inviteLink(
    h: Harness,
    n: ReturnType<typeof createTestNetwork>,
    email: string,
  ): Promise<string> {
    const response = await h.request(`/api/networks/${n.networkId}/invitations`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { email, organisationId: n.orgA, role: "viewer" },
    });
    expect(response.status).toBe(201);
    const { link } = (await response.json()) as { link: string };
    return link.split("/invitations/")[1] ?? "";
  }

  function accept(h: Harness, token: string, json: unknown): Promise<Response> {
    return h.request(`/api/invitations/accept/${token}`, {
      method: "POST",
      headers: { origin: ORIGIN },
      json,
    });
  }

  it("locks an account out after wrong passwords on an invitation, as sign-in does", async () => {
    const { h, n } = setUp();
    // a coordinator invites an instance administrator's address and guesses its password
    const token = await inviteLink(h, n, "admin@example.test");
    for (let i = 0; i < 5; i++) {
      expect((await accept(h, token, { password: `guess number ${i} for you` })).status).toBe(401);
    }
    const locked = await accept(h, token, { password: PASSWORD });
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await locked.json()) as { error: { code: string } }).error.code).toBe("rate_limited");
    // one limit: the account's sign-in is locked too
    expect((await signIn(h, "admin@example.test")).status).toBe(429);
    expect(listAudit(h.db).filter((e) => e.action === "auth.sign-in-failed")).toHaveLength(5);

    h.advance(16 * 60 * 1000);
    const ok = await accept(h, token, { password: PASSWORD });
    expect(ok.status).toBe(200);
  });

  it("counts failed sign-ins against invitations too, and locks an address that guesses many accounts", async () => {
    const { h, n } = setUp();
    const token = await inviteLink(h, n, "stranger@example.test");
    for (let i = 0; i < 5; i++) await signIn(h, "stranger@example.test", `wrong guess ${i} here`);
    expect((await accept(h, token, { password: PASSWORD })).status).toBe(429);

    h.advance(16 * 60 * 1000);
    for (let i = 0; i < 50; i++) await signIn(h, `nobody${i}@example.test`, "some wrong guess");
    const fromAddress = await accept(h, token, { password: PASSWORD });
    expect(fromAddress.status).toBe(429);
    expect(Number(fromAddress.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("counts wrong invitation secrets from an address, and then refuses its links for a while", async () => {
    const { h, n } = setUp();
    const token = await inviteLink(h, n, "someone.new@example.test");
    const [id] = token.split(".");
    for (let i = 0; i < 50; i++) {
      const guess = await h.request(`/api/invitations/accept/${id}.${"a".repeat(20)}${i}`);
      expect(guess.status).toBe(404);
    }
    expect((await h.request(`/api/invitations/accept/${token}`)).status).toBe(429);
  });
});

describe("invitations and account existence", () => {
  async function inviteBoth(h: Harness, n: ReturnType<typeof createTestNetwork>) {
    const tokens: string[] = [];
    for (const email of ["stranger@example.test", "nobody.yet@example.test"]) {
      const response = await h.request(`/api/networks/${n.networkId}/invitations`, {
        method: "POST",
        headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
        json: { email, organisationId: n.orgA, role: "viewer" },
      });
      const { link } = (await response.json()) as { link: string };
      tokens.push(link.split("/invitations/")[1] ?? "");
    }
    return { existing: tokens[0] ?? "", fresh: tokens[1] ?? "" };
  }

  it("does not tell the coordinator or anyone holding the link whether the address has an account", async () => {
    const { h, n } = setUp();
    const { existing, fresh } = await inviteBoth(h, n);
    for (const cookie of [undefined, n.cookies.coordinator]) {
      const headers: Record<string, string> = cookie ? { cookie } : {};
      const a = (await (
        await h.request(`/api/invitations/accept/${existing}`, { headers })
      ).json()) as Record<string, unknown>;
      const b = (await (
        await h.request(`/api/invitations/accept/${fresh}`, { headers })
      ).json()) as Record<string, unknown>;
      expect(a).not.toHaveProperty("accountExists");
      expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    }
    const listed = await h.request(`/api/networks/${n.networkId}/invitations`, {
      headers: { cookie: n.cookies.coordinator },
    });
    expect(JSON.stringify(await listed.json())).not.toContain("accountExists");
  });

  it("answers a password, a missing name and a weak password alike, account or not", async () => {
    const { h, n } = setUp();
    const { existing, fresh } = await inviteBoth(h, n);
    for (const body of [
      { password: "a wrong but long password" },
      {},
      { name: "Guess", password: "short" },
      { name: "Guess", password: "passwordpassword" },
    ]) {
      const a = await h.request(`/api/invitations/accept/${existing}`, {
        method: "POST",
        headers: { origin: ORIGIN },
        json: body,
      });
      const b = await h.request(`/api/invitations/accept/${fresh}`, {
        method: "POST",
        headers: { origin: ORIGIN },
        json: body,
      });
      expect(a.status, JSON.stringify(body)).toBe(b.status);
      expect(await a.json()).toEqual(await b.json());
    }
  });

  it("lets someone with an account accept with its password even from the new-account form", async () => {
    const { h, n } = setUp();
    const { existing } = await inviteBoth(h, n);
    const response = await h.request(`/api/invitations/accept/${existing}`, {
      method: "POST",
      headers: { origin: ORIGIN },
      json: { name: "A stranger", password: PASSWORD },
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { email: string }).email).toBe("stranger@example.test");
  });
});

describe("the last coordinator", () => {
  it("cannot be demoted or removed, and says why", async () => {
    const { h, n } = setUp();
    const headers = { cookie: n.cookies.coordinator, origin: ORIGIN };
    const path = `/api/networks/${n.networkId}/members/${n.users.coordinator.id}`;
    const demote = await h.request(path, { method: "PATCH", headers, json: { role: "editor" } });
    expect(demote.status).toBe(409);
    expect(((await demote.json()) as { error: { code: string } }).error.code).toBe(
      "last_coordinator",
    );
    expect((await h.request(path, { method: "DELETE", headers })).status).toBe(409);
    const promote = await h.request(`/api/networks/${n.networkId}/members/${n.users.editor.id}`, {
      method: "PATCH",
      headers,
      json: { role: "coordinator" },
    });
    expect(promote.status).toBe(200);
    expect(
      (await h.request(path, { method: "PATCH", headers, json: { role: "editor" } })).status,
    ).toBe(200);
    const actions = listAudit(h.db).map((e) => e.action);
    expect(actions.filter((a) => a === "member.role-change")).toHaveLength(2);
  });
});

describe.skipIf(testDatabaseUrl() !== null)("storage trouble", () => {
  it("answers 503 with a clear message while another process locks the database, and keeps nothing", async () => {
    const { h, n } = setUp();
    const before = snapshotDatabase(h.db);
    const other = openDatabase(sqliteOf(h).name);
    other.exec("BEGIN IMMEDIATE");
    sqliteOf(h).pragma("busy_timeout = 0");
    const response = await h.request(`/api/networks/${n.networkId}/workplans`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { title: "Written while locked" },
    });
    other.exec("ROLLBACK");
    other.close();
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.message).toMatch(/busy, so nothing was saved/);
    expect(snapshotDatabase(h.db)).toBe(before);
    const retry = await h.request(`/api/networks/${n.networkId}/workplans`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { title: "Written after the lock" },
    });
    expect(retry.status).toBe(201);
  });
});
