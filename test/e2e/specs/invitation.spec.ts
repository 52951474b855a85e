import { expect, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test("a coordinator invites a new member, who accepts in another browser and lands in the network", async ({
  browser,
}) => {
  const coordinator = await browser.newContext();
  const page = await coordinator.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill("tamar.kapanadze@example.org");
  await page.getByLabel("Password").fill("junction-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/login/);
  await expect(page.getByRole("button", { name: /Tamar Kapanadze/ })).toBeVisible();

  await page.goto(`${server.url}/networks/un-network-georgia/members`);
  const invite = page.getByRole("region", { name: "Invite people" });
  await invite.getByLabel("Email").fill("amina.diallo@example.org");
  await invite.getByLabel("Organisation").selectOption("un-women");
  await invite.getByLabel("Role").selectOption("commenter");
  await invite.getByRole("button", { name: "Create invitation" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  expect(link).toContain("/invitations/");

  const invitee = await browser.newContext();
  const invited = await invitee.newPage();
  await invited.goto(link);
  await expect(invited.getByText("amina.diallo@example.org").first()).toBeVisible();
  await invited.getByLabel("Your name").fill("Amina Diallo");
  await invited.getByLabel("Password", { exact: true }).fill("lanterns over the quiet harbour");
  await invited.getByLabel("Repeat password").fill("lanterns over the quiet harbour");
  await invited.getByRole("button", { name: "Create account and join" }).click();
  await expect(invited.getByText("UN Network on Migration – Georgia").first()).toBeVisible();

  // the coordinator sees the new member, and the link no longer works
  await page.reload();
  await expect(page.getByText("Amina Diallo").first()).toBeVisible();
  const reuse = await browser.newContext();
  const again = await reuse.newPage();
  await again.goto(link);
  await expect(again.getByText(/not valid|used|expired/i).first()).toBeVisible();
  await Promise.all([coordinator.close(), invitee.close(), reuse.close()]);
});
