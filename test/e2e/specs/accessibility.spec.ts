import { expect, test } from "@playwright/test";
import { expectNoSeriousViolations } from "../support/axe";
import { type RunningServer, startServer } from "../support/server";
import { signInViaApi } from "../support/session";

const NETWORK = "un-network-georgia";
const WORKPLAN = "wp-scmi-2022-2023";
const TAMAR = "tamar.kapanadze@example.org"; // coordinator: sees every page and every control

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test("the sign-in page has no serious or critical accessibility violations", async ({ page }) => {
  await page.goto(`${server.url}/login`);
  await expect(page.getByLabel("Password")).toBeVisible();
  await expectNoSeriousViolations(page, "/login");
});

test("every signed-in page has no serious or critical accessibility violations", async ({
  page,
}) => {
  // a dozen pages, the 23-row coverage matrix among them, each analysed in full
  test.setTimeout(180_000);
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
