import { afterEach, describe, expect, it } from "vitest";
import { issueSecret } from "./auth/secrets";
import { redactPath } from "./log-redaction";
import { createTestNetwork } from "./test/harness";
import { type LiveServer, startLiveServer } from "./test/live-server";
import { upgradeStatus } from "./test/process";

let server: LiveServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe("redacting secrets from logged paths", () => {
  it("keeps an invitation's id but hides its secret, in the API and the web app's links", () => {
    expect(redactPath("/api/invitations/accept/abc234.secretpart")).toBe(
      "/api/invitations/accept/abc234.[redacted]",
    );
    expect(redactPath("/invitations/abc234.secretpart")).toBe("/invitations/abc234.[redacted]");
    expect(redactPath("/API/Invitations/Accept/nodothere")).toBe(
      "/API/Invitations/Accept/[redacted]",
    );
    expect(redactPath("/api/auth/password-reset/abc.def")).toBe(
      "/api/auth/password-reset/abc.[redacted]",
    );
  });

  it("hides credentials in the query and leaves everything else alone", () => {
    expect(redactPath("/sync/wp-1?token=jct_abc.def")).toBe("/sync/wp-1?token=[redacted]");
    expect(redactPath("/sync/wp-1?room=a&Token=x&%74oken=y")).toBe(
      "/sync/wp-1?room=a&Token=[redacted]&%74oken=[redacted]",
    );
    expect(redactPath("/api/invitations/inv-1")).toBe("/api/invitations/inv-1");
    expect(redactPath("/api/workplans/wp-1/activities?limit=5")).toBe(
      "/api/workplans/wp-1/activities?limit=5",
    );
  });
});

describe("the request log", () => {
  it("never holds an invitation secret or an API token", async () => {
    server = await startLiveServer();
    const s = server;
    const n = createTestNetwork(s);
    const created = await fetch(`${s.url}/api/networks/${n.networkId}/invitations`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: s.url, "content-type": "application/json" },
      body: JSON.stringify({ email: "new@example.test", organisationId: n.orgA, role: "viewer" }),
    });
    const { link } = (await created.json()) as { link: string };
    const token = link.split("/invitations/")[1] ?? "";
    const secret = token.split(".")[1] ?? "";
    expect(secret.length).toBeGreaterThan(10);

    await fetch(`${s.url}/api/invitations/accept/${token}`);
    await fetch(`${s.url}/api/invitations/accept/${token}`, {
      method: "POST",
      headers: { origin: s.url, "content-type": "application/json" },
      body: JSON.stringify({ name: "New Person", password: "tangerine ferry lantern orbit" }),
    });
    const unknown = issueSecret("jct_");
    expect(await upgradeStatus(`${s.url}/sync/${n.workplanId}?token=${unknown.token}`)).toBe(401);

    const log = s.logLines().join("");
    expect(log).toContain(`/api/invitations/accept/${token.split(".")[0]}.[redacted]`);
    expect(log).toContain(`/sync/${n.workplanId}?token=[redacted]`);
    expect(log).not.toContain(secret);
    expect(log).not.toContain(unknown.secret);
  });
});
