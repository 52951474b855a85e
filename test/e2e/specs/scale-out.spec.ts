import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { redisUnavailable, startTestRedis, type TestRedis } from "@junction/server/testing/redis";
import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { editorOf } from "../support/editor";
import { type RunningServer, startServer } from "../support/server";
import { openWorkplan, signInViaApi } from "../support/session";

// two server processes behind one Redis, as the README's scaled setup runs them: people on
// either see each other's typing and presence, and a coordinator's change made through one
// process reaches a page served by the other
const missing = redisUnavailable(process.env);
if (missing !== null && process.env.CI === "true") {
  throw new Error(`The scale-out browser test needs Redis under CI: ${missing}`);
}

const WORKPLAN = "wp-network-2021-2023";
const EKA = "eka.lomidze@example.org";
const LEVAN = "levan.gelashvili@example.org";
const TAMAR = "tamar.kapanadze@example.org";

let redis: TestRedis;
let dataDir: string;
let a: RunningServer;
let b: RunningServer;
const contexts: BrowserContext[] = [];

test.describe.configure({ mode: "serial" });
test.skip(missing !== null, missing ?? "");

test.beforeAll(async () => {
  redis = await startTestRedis(process.env);
  dataDir = mkdtempSync(join(tmpdir(), "junction-e2e-scale-"));
  // one after the other: the first seeds the shared database
  a = await startServer({ REDIS_URL: redis.url }, dataDir);
  b = await startServer({ REDIS_URL: redis.url }, dataDir);
});

test.afterAll(async () => {
  for (const context of contexts.splice(0)) await context.close();
  await a?.stop();
  await b?.stop();
  await redis?.stop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function open(browser: Browser, serverUrl: string, email: string): Promise<Page> {
  return openWorkplan(browser, {
    serverUrl,
    contexts,
    workplanId: WORKPLAN,
    email,
    connected: "Connected · saved",
  });
}

test("people on two processes see each other's typing and presence, and a role change made through one reaches the other", async ({
  browser,
}) => {
  const eka = await open(browser, a.url, EKA);
  const levan = await open(browser, b.url, LEVAN);
  await expect(eka.locator(".presence-list")).toContainText("Levan Gelashvili");
  await expect(levan.locator(".presence-list")).toContainText("Eka Lomidze");

  await editorOf(eka).focus();
  await eka.keyboard.press("Control+Home");
  await eka.keyboard.type("Typed on the first process. ");
  await expect(editorOf(levan)).toContainText("Typed on the first process.");
  await editorOf(levan).focus();
  await levan.keyboard.press("Control+Home");
  await levan.keyboard.type("Typed on the second process. ");
  await expect(editorOf(eka)).toContainText("Typed on the second process.");

  // the coordinator makes Levan a commenter through the first process
  const coordinator = await browser.newContext();
  contexts.push(coordinator);
  await signInViaApi(coordinator, a.url, TAMAR);
  const levanContext = levan.context();
  const me = (await (await levanContext.request.get(`${b.url}/api/me`)).json()) as {
    id: string;
    memberships: { networkId: string }[];
  };
  const networkId = me.memberships[0]?.networkId ?? "";
  const changed = await coordinator.request.patch(
    `${a.url}/api/networks/${networkId}/members/${me.id}`,
    { data: { role: "commenter" }, headers: { Origin: a.url } },
  );
  expect(changed.ok()).toBe(true);
  // Levan's page, served by the second process, turns read-only without a reload
  await expect(levan.locator(".editor-readonly-bar")).toBeVisible({ timeout: 5000 });
  await expect(levan.locator(".editor-toolbar")).toHaveCount(0);
});
