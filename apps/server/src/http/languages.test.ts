import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { listAudit, setUserLocale } from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import type { Config } from "../config";
import type { Mail } from "../mailer";
import { createHarness, createTestNetwork, type Harness, ORIGIN } from "../test/harness";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setUp(overrides: Partial<Config> = {}) {
  const h = createHarness(overrides);
  cleanups.push(h.close);
  return { h, n: createTestNetwork(h) };
}

function localesDir(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), "junction-locales-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    writeFileSync(join(dir, name), typeof content === "string" ? content : JSON.stringify(content));
  }
  return dir;
}

function captureMail(h: Harness): Mail[] {
  const sent: Mail[] = [];
  h.deps.mailer = {
    enabled: true,
    send: async (mail) => {
      sent.push(mail);
    },
  };
  return sent;
}

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  return ((await response.json()) as { error: { code: string; message: string } }).error;
}

function signIn(h: Harness, headers: Record<string, string> = {}): Promise<Response> {
  return h.request("/api/auth/login", {
    method: "POST",
    headers: { origin: ORIGIN, ...headers },
    json: { email: "nobody@example.test", password: "not the password" },
  });
}

describe("a user's language", () => {
  it("is null until chosen, then persists and is audited", async () => {
    const { h, n } = setUp();
    const cookie = n.cookies.editor;
    const before = await h.request("/api/me", { headers: { cookie } });
    expect(((await before.json()) as { locale: unknown }).locale).toBeNull();

    const patched = await h.request("/api/me", {
      method: "PATCH",
      headers: { cookie, origin: ORIGIN },
      json: { locale: "fr" },
    });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { locale: unknown }).locale).toBe("fr");
    const after = await h.request("/api/me", { headers: { cookie } });
    expect(((await after.json()) as { locale: unknown }).locale).toBe("fr");
    expect(listAudit(h.db).find((entry) => entry.action === "account.locale")).toMatchObject({
      actorId: n.users.editor.id,
      detail: { from: null, to: "fr" },
    });

    const reset = await h.request("/api/me", {
      method: "PATCH",
      headers: { cookie, origin: ORIGIN },
      json: { locale: null },
    });
    expect(((await reset.json()) as { locale: unknown }).locale).toBeNull();
  });

  it("refuses a language the server does not speak, saying which it does, and keeps the old one", async () => {
    const { h, n } = setUp();
    const cookie = n.cookies.editor;
    const response = await h.request("/api/me", {
      method: "PATCH",
      headers: { cookie, origin: ORIGIN },
      json: { locale: "xx" },
    });
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe("validation_failed");
    expect(error.message).toContain('"xx"');
    expect(error.message).toContain("en, fr, es, ru, ar");
    const me = await h.request("/api/me", { headers: { cookie } });
    expect(((await me.json()) as { locale: unknown }).locale).toBeNull();
  });
});

describe("server messages in the reader's language", () => {
  it("answers a French user's refusal in French", async () => {
    const { h, n } = setUp();
    setUserLocale(h.db, n.users.stranger.id, "fr");
    const response = await h.request(`/api/workplans/${n.workplanId}`, {
      headers: { cookie: n.cookies.stranger },
    });
    expect(response.status).toBe(404);
    expect((await errorOf(response)).message).toBe(
      `Plan de travail ${n.workplanId} introuvable, ou vous n’êtes pas membre de son réseau`,
    );
  });

  it("answers an anonymous wrong password in the browser's language, English otherwise", async () => {
    const { h } = setUp();
    const french = await signIn(h, { "accept-language": "fr-CH, en;q=0.5" });
    expect(french.status).toBe(401);
    expect((await errorOf(french)).message).toBe(
      "L’adresse e-mail ou le mot de passe est incorrect",
    );
    const russian = await signIn(h, { "accept-language": "ru" });
    expect((await errorOf(russian)).message).toBe("Неверный адрес электронной почты или пароль");
    const unknown = await signIn(h, { "accept-language": "de" });
    expect((await errorOf(unknown)).message).toBe("The email or password is not correct");
  });

  it("counts minutes with Russian plural forms", async () => {
    const { h } = setUp();
    let last: Response | null = null;
    for (let attempt = 0; attempt < 6; attempt++)
      last = await signIn(h, { "accept-language": "ru" });
    expect(last?.status).toBe(429);
    expect((await errorOf(last as Response)).message).toMatch(
      /^Слишком много неудачных попыток; повторите через \d+ минут[уы]?$/,
    );
  });

  it("sums up a malformed request in the reader's language, fields as the schema names them", async () => {
    const { h } = setUp();
    const response = await h.request("/api/auth/login", {
      method: "POST",
      headers: { origin: ORIGIN, "accept-language": "es" },
      json: { email: "not an address", password: "x" },
    });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).message).toMatch(/^La solicitud no es válida: email: /);
  });
});

describe("e-mails in the recipient's language", () => {
  it("writes an invitation in the language the coordinator chose for it", async () => {
    const { h, n } = setUp();
    const sent = captureMail(h);
    const response = await h.request(`/api/networks/${n.networkId}/invitations`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { email: "amal@example.test", organisationId: n.orgA, role: "editor", locale: "ar" },
    });
    expect(response.status).toBe(201);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.subject).toBe("يدعوك The coordinator إلى Test network على Junction");
    expect(sent[0]?.text).toContain("بصفة محرر عن Agency A");
    expect(sent[0]?.text).toContain("اقبل الدعوة: ");
  });

  it("writes an invitation in the inviter's language when none is chosen", async () => {
    const { h, n } = setUp();
    setUserLocale(h.db, n.users.coordinator.id, "es");
    const sent = captureMail(h);
    await h.request(`/api/networks/${n.networkId}/invitations`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { email: "ana@example.test", organisationId: n.orgA, role: "viewer" },
    });
    expect(sent[0]?.subject).toBe("The coordinator le invita a Test network en Junction");
    expect(sent[0]?.text).toMatch(/caduca el \d+ de [a-z]+ de \d{4}\.$/);
  });

  it("refuses an invitation in a language the server does not speak, and sends nothing", async () => {
    const { h, n } = setUp();
    const sent = captureMail(h);
    const response = await h.request(`/api/networks/${n.networkId}/invitations`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { email: "ana@example.test", organisationId: n.orgA, role: "viewer", locale: "xx" },
    });
    expect(response.status).toBe(400);
    expect(sent).toHaveLength(0);
  });
});

describe("exports in the requester's language", () => {
  it("writes a Markdown workplan's headings in Spanish for a Spanish user", async () => {
    const { h, n } = setUp();
    setUserLocale(h.db, n.users.viewer.id, "es");
    const response = await h.request(`/api/workplans/${n.workplanId}/export?format=md`, {
      headers: { cookie: n.cookies.viewer },
    });
    expect(response.status).toBe(200);
    const markdown = await response.text();
    expect(markdown).toContain("Borrador, documento vigente · exportado el 15 de enero de 2026");
  });
});

describe("translations installed from files", () => {
  const files = {
    "fr.json": {
      server: {
        "auth.invalidCredentials":
          "Identifiants incorrects : vérifiez l’adresse et le mot de passe",
      },
      web: { "nav.home": "Accueil" },
    },
    "pt.json": {
      $meta: { name: "Português", dir: "ltr" },
      server: {
        "auth.invalidCredentials": "O e-mail ou a senha não estão corretos",
        "auth.signInFirst": "{broken, plural, one {x}",
        "no.such.key": "nada",
        "export.activities": "Atividades",
      },
      web: { "nav.home": "Início" },
    },
    "broken.json": "{ not json",
  };

  it("lists the built-in languages, then the installed ones", async () => {
    const { h } = setUp({ localesDir: localesDir(files) });
    const response = await h.request("/api/locales");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([
      { code: "en", name: "English", dir: "ltr" },
      { code: "fr", name: "Français", dir: "ltr" },
      { code: "es", name: "Español", dir: "ltr" },
      { code: "ru", name: "Русский", dir: "ltr" },
      { code: "ar", name: "العربية", dir: "rtl" },
      { code: "pt", name: "Português", dir: "ltr" },
    ]);
  });

  it("pages the languages like any other collection", async () => {
    const { h } = setUp({ localesDir: localesDir(files) });
    const first = await h.request("/api/locales?limit=4");
    expect(((await first.json()) as { code: string }[]).map((l) => l.code)).toEqual([
      "en",
      "fr",
      "es",
      "ru",
    ]);
    const next = /^<([^>]+)>; rel="next"$/.exec(first.headers.get("link") ?? "")?.[1] ?? "";
    const rest = await h.request(new URL(next).pathname + new URL(next).search);
    expect(((await rest.json()) as { code: string }[]).map((l) => l.code)).toEqual(["ar", "pt"]);
    expect(rest.headers.get("link")).toBeNull();
    expect((await h.request("/api/locales?limit=abc")).status).toBe(400);
  });

  it("serves a language's messages without the invalid ones, cacheable by ETag", async () => {
    const { h } = setUp({ localesDir: localesDir(files) });
    const response = await h.request("/api/locales/pt/messages");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      server: {
        "auth.invalidCredentials": "O e-mail ou a senha não estão corretos",
        "export.activities": "Atividades",
      },
      web: { "nav.home": "Início" },
    });
    const etag = response.headers.get("etag") ?? "";
    expect(etag).not.toBe("");
    const again = await h.request("/api/locales/pt/messages", {
      headers: { "if-none-match": etag },
    });
    expect(again.status).toBe(304);
    expect((await h.request("/api/locales/es/messages")).status).toBe(200);
    expect(await (await h.request("/api/locales/es/messages")).json()).toEqual({});
    expect((await h.request("/api/locales/xx/messages")).status).toBe(404);
  });

  it("uses a corrected French message and an installed language in server answers", async () => {
    const { h, n } = setUp({ localesDir: localesDir(files) });
    const french = await signIn(h, { "accept-language": "fr" });
    expect((await errorOf(french)).message).toBe(
      "Identifiants incorrects : vérifiez l’adresse et le mot de passe",
    );
    const portuguese = await signIn(h, { "accept-language": "pt-BR, en;q=0.8" });
    expect((await errorOf(portuguese)).message).toBe("O e-mail ou a senha não estão corretos");
    // the invalid override was skipped: English stands in
    const anonymous = await h.request("/api/me", { headers: { "accept-language": "pt" } });
    expect((await errorOf(anonymous)).message).toBe("Sign in first, or send an API token");

    const cookie = n.cookies.viewer;
    const chosen = await h.request("/api/me", {
      method: "PATCH",
      headers: { cookie, origin: ORIGIN },
      json: { locale: "pt" },
    });
    expect(chosen.status).toBe(200);
    const markdown = await (
      await h.request(`/api/workplans/${n.workplanId}/export?format=md`, { headers: { cookie } })
    ).text();
    // no built-in Portuguese words for files: English words, Portuguese dates
    expect(markdown).toContain("exported 15 de janeiro de 2026");
  });
});
