import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, type Harness } from "../test/harness";

let harness: Harness | null = null;
let webDir: string | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
  if (webDir) rmSync(webDir, { recursive: true, force: true });
  webDir = null;
});

function setUp(): Harness {
  webDir = mkdtempSync(join(tmpdir(), "junction-web-"));
  writeFileSync(join(webDir, "index.html"), "<!doctype html><title>Junction</title>");
  harness = createHarness({ webDir });
  return harness;
}

describe("serving the web app", () => {
  it("answers 400 to a path with bad percent-encoding, not a 500", async () => {
    const h = setUp();
    const response = await h.request("/%E0%A4%A");
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string } };
    expect(body.error.code).toBe("bad_request");
  });

  it("serves the app for client routes, invitation links included", async () => {
    const h = setUp();
    const response = await h.request("/invitations/abc.def");
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<title>Junction</title>");
  });

  it("treats a malformed session cookie on the API as no session", async () => {
    const h = setUp();
    const response = await h.request("/api/me", {
      headers: { cookie: "junction_session=%E0%A4%A" },
    });
    expect(response.status).toBe(401);
  });
});
