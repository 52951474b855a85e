import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "../support/axe";
import { expectNoCspViolations, recordCspViolations } from "../support/csp";
import { type RunningServer, startServer } from "../support/server";
import { signInViaApi } from "../support/session";

const NETWORK = "un-network-georgia";
const WORKPLAN = "wp-scmi-2022-2023";
const TAMAR = "tamar.kapanadze@example.org"; // coordinator: sees every page and every control

let server: RunningServer;
test.beforeAll(async () => {
  // Tamar administers the instance too: the members page shows its password-reset buttons
  server = await startServer({ JUNCTION_ADMIN_EMAIL: TAMAR });
});
test.afterAll(async () => {
  await server.stop();
});

test("the sign-in page has no serious or critical accessibility violations and keeps to the CSP", async ({
  page,
}) => {
  await recordCspViolations(page.context());
  await page.goto(`${server.url}/login`);
  await expect(page.getByLabel("Password")).toBeVisible();
  await expectNoCspViolations(page, "/login");
  await expectNoSeriousViolations(page, "/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page.getByLabel("Email")).toBeVisible();
  await expectNoSeriousViolations(page, "/password-reset");
  await page.getByLabel("Email").fill("someone@example.org");
  await page.getByRole("button", { name: "Send the link" }).click();
  await expect(page.getByRole("status")).toBeVisible();
  await expectNoSeriousViolations(page, "/password-reset (answered)");
});

test("the password-reset link's pages have no serious or critical accessibility violations", async ({
  browser,
}) => {
  const admin = await browser.newContext();
  await signInViaApi(admin, server.url, TAMAR);
  const members = await admin.request.get(`${server.url}/api/networks/${NETWORK}/members`);
  const viewer = ((await members.json()) as { userId: string; role: string }[]).find(
    (m) => m.role === "viewer",
  );
  const issued = await admin.request.post(
    `${server.url}/api/users/${viewer?.userId}/password-reset`,
    { headers: { Origin: server.url } },
  );
  expect(issued.status()).toBe(201);
  const { link } = (await issued.json()) as { link: string };
  await admin.close();

  const visitor = await browser.newContext();
  const page = await visitor.newPage();
  await page.goto(link);
  await expect(page.getByLabel("Repeat the new password")).toBeVisible();
  await expectNoSeriousViolations(page, "/password-reset/:token");
  await page.goto(`${server.url}/password-reset/not.valid`);
  await expect(page.getByRole("heading", { name: "This link is not valid" })).toBeVisible();
  await expectNoSeriousViolations(page, "/password-reset/:token (not valid)");
  await visitor.close();
});

test("every signed-in page has no serious or critical accessibility violations and keeps to the CSP", async ({
  page,
}) => {
  // a dozen pages, the 23-row coverage matrix among them, each analysed in full
  test.setTimeout(180_000);
  await recordCspViolations(page.context());
  await signInViaApi(page.context(), server.url, TAMAR);
  const pages = [
    { path: "/", ready: page.getByRole("heading", { level: 1 }) },
    { path: `/networks/${NETWORK}`, ready: page.getByRole("heading", { level: 1 }) },
    {
      path: `/networks/${NETWORK}/members`,
      ready: page.getByRole("region", { name: "Invite people" }),
    },
    { path: `/networks/${NETWORK}/warnings`, ready: page.getByRole("article").first() },
    { path: `/networks/${NETWORK}/tasks`, ready: page.getByRole("heading", { level: 1 }) },
    { path: `/networks/${NETWORK}/coverage`, ready: page.getByRole("table") },
    { path: `/networks/${NETWORK}/report`, ready: page.getByRole("table").first() },
    {
      path: `/networks/${NETWORK}/exports`,
      ready: page.getByRole("button", { name: "Save IATI settings" }),
    },
    { path: "/my-work", ready: page.getByRole("heading", { level: 1 }) },
    { path: "/account", ready: page.getByRole("heading", { level: 1 }) },
    {
      path: `/workplans/${WORKPLAN}`,
      ready: page.locator(".connection", { hasText: "Connected · saved" }),
    },
  ];
  for (const { path, ready } of pages) {
    await page.goto(`${server.url}${path}`);
    await expect(ready).toBeVisible();
    await expectNoCspViolations(page, path);
    await expectNoSeriousViolations(page, path);
  }
  // the export dialog, with the IATI check it shows
  await page.getByRole("button", { name: "Export" }).click();
  await page.getByLabel(/IATI activity XML/).check();
  await expect(page.getByText(/no IATI settings yet/)).toBeVisible();
  await expectNoSeriousViolations(page, "the export dialog");
  await page.getByRole("button", { name: "Close" }).click();
  // an expanded card shows the whole form: its fields must pass too
  await page.locator(".activity-toggle").first().click();
  await expect(page.getByLabel("Status", { exact: true }).first()).toBeVisible();
  await expectNoSeriousViolations(page, "an expanded activity");
});

test("the invitation page has no serious or critical accessibility violations", async ({
  browser,
}) => {
  const coordinator = await browser.newContext();
  await signInViaApi(coordinator, server.url, TAMAR);
  const created = await coordinator.request.post(
    `${server.url}/api/networks/${NETWORK}/invitations`,
    {
      data: { email: "new.member@example.org", organisationId: "un-women", role: "commenter" },
      headers: { Origin: server.url },
    },
  );
  expect(created.ok()).toBe(true);
  const { link } = (await created.json()) as { link: string };
  await coordinator.close();

  const invitee = await browser.newContext();
  const page = await invitee.newPage();
  await page.goto(link.replace(/^https?:\/\/[^/]+/, server.url));
  await expect(page.getByLabel("Repeat password")).toBeVisible();
  await expectNoSeriousViolations(page, "/invitations/:token");
  await invitee.close();
});

test("the stage banner, the validation and history panels and the diff have no serious or critical accessibility violations", async ({
  page,
}) => {
  // four axe passes over the whole editor
  test.setTimeout(180_000);
  const workplan = "wp-network-2021-2023";
  await signInViaApi(page.context(), server.url, TAMAR);
  const request = page.context().request;
  const headers = { Origin: server.url };
  const saved = await request.post(`${server.url}/api/workplans/${workplan}/versions`, {
    data: { name: "Before the accessibility check" },
    headers,
  });
  expect(saved.ok()).toBe(true);
  const moved = await request.post(`${server.url}/api/workplans/${workplan}/stage`, {
    data: { stage: "validation" },
    headers,
  });
  expect(moved.ok()).toBe(true);

  await page.goto(`${server.url}/workplans/${workplan}#validation`);
  await expect(page.locator(".connection")).toHaveText("Connected · saved");
  await expect(page.getByRole("button", { name: "Approve for IOM" })).toBeVisible();
  await expectNoSeriousViolations(page, "the validation panel");

  await page.locator(".editor-document").focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type("Checked. ");
  await expect(page.locator(".connection")).toHaveText("Connected · saved");
  await page.getByRole("tab", { name: "History" }).click();
  const compare = page.getByRole("button", {
    name: "Compare with now: “Before the accessibility check”",
  });
  await expect(compare).toBeVisible();
  await expectNoSeriousViolations(page, "the history panel");

  await compare.click();
  const diff = page.getByRole("dialog", { name: "What changed" });
  await expect(diff.locator("ins").first()).toBeVisible();
  await expectNoSeriousViolations(page, "the diff dialog");
  await diff.getByRole("button", { name: "Close" }).click();

  await page.getByRole("button", { name: "Adopt the plan…" }).click();
  await expect(page.getByRole("dialog", { name: "Adopt the plan?" })).toBeVisible();
  await expectNoSeriousViolations(page, "the adopt dialog");
});
