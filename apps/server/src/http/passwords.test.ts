import { listAudit } from "@junction/store";
import { CloseEvents } from "@junction/sync";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { hashPassword } from "../auth/passwords";
import type { Mail } from "../mailer";
import { createSession } from "../services/sessions";
import { createHarness, createTestNetwork, type Harness, ORIGIN } from "../test/harness";
import {
  type Client,
  connectClient,
  destroyClient,
  type LiveServer,
  startLiveServer,
  whenClosed,
  whenSynced,
} from "../test/live-server";

const PASSWORD = "a long and winding demo passphrase";
const NEW_PASSWORD = "seven orange kites over the harbour";
let passwordHash = "";
beforeAll(async () => {
  passwordHash = await hashPassword(PASSWORD);
});

let harness: Harness | null = null;
let server: LiveServer | null = null;
const clients: Client[] = [];
afterEach(async () => {
  for (const client of clients.splice(0)) destroyClient(client);
  harness?.close();
  harness = null;
  await server?.close();
  server = null;
});

function setUp(): { h: Harness; n: ReturnType<typeof createTestNetwork>; mails: Mail[] } {
  const h = createHarness();
  harness = h;
  const mails: Mail[] = [];
  h.deps.mailer = {
    enabled: true,
    send: async (mail) => {
      mails.push(mail);
    },
  };
  return { h, n: createTestNetwork(h, passwordHash), mails };
}

function post(h: Harness, path: string, json: unknown, cookie?: string): Promise<Response> {
  return h.request(path, {
    method: "POST",
    headers: cookie ? { origin: ORIGIN, cookie } : { origin: ORIGIN },
    json,
  });
}

async function signIn(h: Harness, email: string, password: string): Promise<Response> {
  return post(h, "/api/auth/login", { email, password });
}

async function errorCode(response: Response): Promise<string> {
  return ((await response.json()) as { error: { code: string } }).error.code;
}

function tokenOf(link: string): string {
  const token = link.split("/password-reset/")[1];
  if (!token) throw new Error(`not a reset link: ${link}`);
  return token;
}

function mailedToken(mails: Mail[]): string {
  const link = /https?:\/\/\S+\/password-reset\/\S+/.exec(mails.at(-1)?.text ?? "")?.[0];
  if (!link) throw new Error("no reset link was mailed");
  return tokenOf(link);
}

describe("changing the password", () => {
  it("needs the current password, keeps this session and signs out the others", async () => {
    const { h, n } = setUp();
    const other = `junction_session=${createSession(h.deps, n.users.editor.id, "other").token}`;

    const wrong = await post(
      h,
      "/api/me/password",
      { currentPassword: "not my password at all", newPassword: NEW_PASSWORD },
      n.cookies.editor,
    );
    expect(wrong.status).toBe(403);
    expect(await errorCode(wrong)).toBe("wrong_password");
    expect((await h.request("/api/me", { headers: { cookie: other } })).status).toBe(200);

    const changed = await post(
      h,
      "/api/me/password",
      { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      n.cookies.editor,
    );
    expect(changed.status).toBe(200);
    expect(await changed.json()).toEqual({ endedSessions: 1 });
    expect((await h.request("/api/me", { headers: { cookie: n.cookies.editor } })).status).toBe(
      200,
    );
    expect((await h.request("/api/me", { headers: { cookie: other } })).status).toBe(401);
    expect((await signIn(h, "editor@example.test", PASSWORD)).status).toBe(401);
    expect((await signIn(h, "editor@example.test", NEW_PASSWORD)).status).toBe(200);
    const actions = listAudit(h.db).map((entry) => entry.action);
    expect(actions).toContain("auth.password-change");
  });

  it("refuses a new password sign-up would refuse, and changes nothing", async () => {
    const { h, n } = setUp();
    for (const newPassword of ["short one", "123456789012345678", "editor@example.test-and-more"]) {
      const response = await post(
        h,
        "/api/me/password",
        { currentPassword: PASSWORD, newPassword },
        n.cookies.editor,
      );
      expect(response.status).toBe(400);
      expect(await errorCode(response)).toBe("weak_password");
    }
    expect((await signIn(h, "editor@example.test", PASSWORD)).status).toBe(200);
  });

  it("counts wrong current passwords like failed sign-ins, then answers 429", async () => {
    const { h, n } = setUp();
    for (let i = 0; i < 5; i++) {
      const response = await post(
        h,
        "/api/me/password",
        { currentPassword: `wrong guess number ${i}`, newPassword: NEW_PASSWORD },
        n.cookies.viewer,
      );
      expect(response.status).toBe(403);
    }
    const locked = await post(
      h,
      "/api/me/password",
      { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      n.cookies.viewer,
    );
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("cannot be done with an API token", async () => {
    const { h, n } = setUp();
    const created = await post(h, "/api/tokens", { name: "ci" }, n.cookies.editor);
    const { token } = (await created.json()) as { token: string };
    const response = await h.request("/api/me/password", {
      method: "POST",
      headers: { authorization: `Bearer ${token}` },
      json: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
    });
    expect(response.status).toBe(403);
    expect((await signIn(h, "editor@example.test", PASSWORD)).status).toBe(200);
  });
});

describe("asking for a password-reset link", () => {
  it("answers 202 with the same body whether or not the account exists, and mails only a real one", async () => {
    const { h, mails } = setUp();
    const known = await post(h, "/api/auth/password-reset", { email: "Editor@example.test" });
    const unknown = await post(h, "/api/auth/password-reset", { email: "nobody@example.test" });
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    const knownBody = (await known.json()) as { message: string };
    const unknownBody = (await unknown.json()) as { message: string };
    expect(knownBody.message.replace("editor@example.test", "X")).toBe(
      unknownBody.message.replace("nobody@example.test", "X"),
    );
    await expect.poll(() => mails.length).toBe(1);
    expect(mails[0]?.to).toBe("editor@example.test");
    const requests = listAudit(h.db).filter((e) => e.action === "auth.password-reset-request");
    expect(requests).toHaveLength(2);
  });

  it("stores only a hash of the link and never writes the secret to the audit log", async () => {
    const { h, mails } = setUp();
    await post(h, "/api/auth/password-reset", { email: "editor@example.test" });
    await expect.poll(() => mails.length).toBe(1);
    const secret = mailedToken(mails).split(".")[1] ?? "";
    expect(secret.length).toBeGreaterThan(10);
    const stored = JSON.stringify(h.db.prepare("SELECT * FROM password_resets").all());
    const audit = JSON.stringify(h.db.prepare("SELECT * FROM audit_log").all());
    expect(stored).not.toContain(secret);
    expect(audit).not.toContain(secret);
  });

  it("limits requests per address like sign-in, for known and unknown addresses alike", async () => {
    const { h } = setUp();
    for (const email of ["editor@example.test", "nobody@example.test"]) {
      for (let i = 0; i < 5; i++) {
        expect((await post(h, "/api/auth/password-reset", { email })).status).toBe(202);
      }
      const limited = await post(h, "/api/auth/password-reset", { email });
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    }
    // asking for links never locks the account's sign-in
    expect((await signIn(h, "editor@example.test", PASSWORD)).status).toBe(200);
  });

  it("without SMTP says to ask an administrator, and makes no link", async () => {
    const { h, mails } = setUp();
    h.deps.mailer = { enabled: false, send: async () => {} };
    const response = await post(h, "/api/auth/password-reset", { email: "editor@example.test" });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { message: string }).message).toMatch(/administrator/);
    expect(mails).toHaveLength(0);
    expect(h.db.prepare("SELECT COUNT(*) AS n FROM password_resets").get()).toEqual({ n: 0 });
  });
});

describe("resetting the password from a link", () => {
  it("sets the password once, ends every session of the user, and audits it", async () => {
    const { h, n, mails } = setUp();
    await post(h, "/api/auth/password-reset", { email: "editor@example.test" });
    await expect.poll(() => mails.length).toBe(1);
    const token = mailedToken(mails);

    const preview = await h.request(`/api/auth/password-reset/${token}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toMatchObject({ email: "editor@example.test" });

    const weak = await post(h, `/api/auth/password-reset/${token}`, { password: "too short" });
    expect(weak.status).toBe(400);
    expect(await errorCode(weak)).toBe("weak_password");

    const reset = await post(h, `/api/auth/password-reset/${token}`, { password: NEW_PASSWORD });
    expect(reset.status).toBe(204);
    expect((await h.request("/api/me", { headers: { cookie: n.cookies.editor } })).status).toBe(
      401,
    );
    expect((await signIn(h, "editor@example.test", NEW_PASSWORD)).status).toBe(200);

    const again = await post(h, `/api/auth/password-reset/${token}`, {
      password: "yet another long passphrase here",
    });
    expect(again.status).toBe(410);
    expect(await errorCode(again)).toBe("reset_link_used");
    expect((await signIn(h, "editor@example.test", NEW_PASSWORD)).status).toBe(200);
    const actions = listAudit(h.db).map((e) => e.action);
    expect(actions).toContain("auth.password-reset");
  });

  it("refuses an expired link with its own message, and keeps the password", async () => {
    const { h, mails } = setUp();
    await post(h, "/api/auth/password-reset", { email: "editor@example.test" });
    await expect.poll(() => mails.length).toBe(1);
    const token = mailedToken(mails);
    h.advance(61 * 60 * 1000);
    const preview = await h.request(`/api/auth/password-reset/${token}`);
    expect(preview.status).toBe(410);
    const response = await post(h, `/api/auth/password-reset/${token}`, { password: NEW_PASSWORD });
    expect(response.status).toBe(410);
    const body = (await response.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe("reset_link_expired");
    expect(body.error.message).toMatch(/expired/);
    expect((await signIn(h, "editor@example.test", PASSWORD)).status).toBe(200);
  });

  it("lets only the newest link work", async () => {
    const { h, mails } = setUp();
    await post(h, "/api/auth/password-reset", { email: "editor@example.test" });
    await expect.poll(() => mails.length).toBe(1);
    const first = mailedToken(mails);
    await post(h, "/api/auth/password-reset", { email: "editor@example.test" });
    await expect.poll(() => mails.length).toBe(2);
    const second = mailedToken(mails);
    const old = await post(h, `/api/auth/password-reset/${first}`, { password: NEW_PASSWORD });
    expect(old.status).toBe(410);
    const current = await post(h, `/api/auth/password-reset/${second}`, {
      password: NEW_PASSWORD,
    });
    expect(current.status).toBe(204);
  });

  it("counts wrong link secrets from an address, then refuses its links for a while", async () => {
    const { h, mails } = setUp();
    await post(h, "/api/auth/password-reset", { email: "editor@example.test" });
    await expect.poll(() => mails.length).toBe(1);
    const [id] = mailedToken(mails).split(".");
    let status = 0;
    for (let i = 0; i < 60 && status !== 429; i++) {
      const guess = await post(h, `/api/auth/password-reset/${id}.guess${"a".repeat(i)}`, {
        password: NEW_PASSWORD,
      });
      status = guess.status;
      if (status !== 429) expect(await errorCode(guess)).toBe("reset_link_invalid");
    }
    expect(status).toBe(429);
    const real = await post(h, `/api/auth/password-reset/${mailedToken(mails)}`, {
      password: NEW_PASSWORD,
    });
    expect(real.status).toBe(429);
  });
});

describe("an administrator issuing a reset link", () => {
  it("answers a link the user can use; nobody else may issue one", async () => {
    const { h, n } = setUp();
    const path = `/api/users/${n.users.viewer.id}/password-reset`;
    const refused = await post(h, path, {}, n.cookies.coordinator);
    expect(refused.status).toBe(403);

    const issued = await post(h, path, {}, n.cookies.admin);
    expect(issued.status).toBe(201);
    const body = (await issued.json()) as { link: string; email: string };
    expect(body.email).toBe("viewer@example.test");
    const reset = await post(h, `/api/auth/password-reset/${tokenOf(body.link)}`, {
      password: NEW_PASSWORD,
    });
    expect(reset.status).toBe(204);
    expect((await signIn(h, "viewer@example.test", NEW_PASSWORD)).status).toBe(200);
    const issue = listAudit(h.db).find((e) => e.action === "auth.password-reset-issue");
    expect(issue?.actorId).toBe(n.users.admin.id);
    expect(JSON.stringify(listAudit(h.db))).not.toContain(tokenOf(body.link).split(".")[1]);
  });
});

describe("open sockets when the password changes", () => {
  async function open(s: LiveServer, workplanId: string, cookie: string): Promise<Client> {
    const client = connectClient(s, workplanId, { cookie });
    clients.push(client);
    await whenSynced(client.provider);
    return client;
  }

  function call(s: LiveServer, path: string, json: unknown, cookie?: string): Promise<Response> {
    const headers: Record<string, string> = {
      origin: s.url,
      "content-type": "application/json",
    };
    if (cookie) headers.cookie = cookie;
    return fetch(`${s.url}${path}`, { method: "POST", headers, body: JSON.stringify(json) });
  }

  it("a change closes the other sessions' sockets with 4403 and keeps this one's", async () => {
    server = await startLiveServer();
    const s = server;
    const n = createTestNetwork(s, passwordHash);
    const here = n.cookies.editor;
    const elsewhere = `junction_session=${createSession(s.deps, n.users.editor.id, "other").token}`;
    const mine = await open(s, n.workplanId, here);
    const theirs = await open(s, n.workplanId, elsewhere);
    const closed = whenClosed(theirs.provider);

    const response = await call(
      s,
      "/api/me/password",
      { currentPassword: PASSWORD, newPassword: NEW_PASSWORD },
      here,
    );
    expect(response.status).toBe(200);
    expect(await closed).toBe(CloseEvents.accessRevoked.code);
    expect(mine.provider.wsconnected).toBe(true);
  });

  it("a reset closes every socket of the user with 4403", async () => {
    server = await startLiveServer();
    const s = server;
    const n = createTestNetwork(s, passwordHash);
    const socket = await open(s, n.workplanId, n.cookies.editor);
    const closed = whenClosed(socket.provider);
    const issued = await call(
      s,
      `/api/users/${n.users.editor.id}/password-reset`,
      {},
      n.cookies.admin,
    );
    const { link } = (await issued.json()) as { link: string };
    const response = await call(s, `/api/auth/password-reset/${tokenOf(link)}`, {
      password: NEW_PASSWORD,
    });
    expect(response.status).toBe(204);
    expect(await closed).toBe(CloseEvents.accessRevoked.code);
  });
});
