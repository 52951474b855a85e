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

test("someone who already has an account accepts an invitation with their password", async ({
  browser,
}) => {
  const coordinator = await browser.newContext();
  const page = await coordinator.newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill("tamar.kapanadze@example.org");
  await page.getByLabel("Password").fill("junction-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page).not.toHaveURL(/\/login/);
  const api = coordinator.request;
  const headers = { origin: server.url };
  const invite = async () => {
    const created = await api.post(`${server.url}/api/networks/un-network-georgia/invitations`, {
      headers,
      data: { email: "nino.beridze@example.org", organisationId: "un-women", role: "viewer" },
    });
    expect(created.status()).toBe(201);
    return ((await created.json()) as { link: string }).link;
  };
  // an account that left the network: it exists, but the invitation page must not say so
  const first = await invite();
  // accepted signed out, as the invitee would
  const joined = await fetch(
    `${server.url}/api/invitations/accept/${first.split("/invitations/")[1]}`,
    {
      method: "POST",
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify({ name: "Nino Beridze", password: "quiet rivers carry stones far" }),
    },
  );
  const { id } = (await joined.json()) as { id: string };
  expect(
    (
      await api.delete(`${server.url}/api/networks/un-network-georgia/members/${id}`, { headers })
    ).status(),
  ).toBe(204);
  const link = await invite();

  const invitee = await browser.newContext();
  const invited = await invitee.newPage();
  await invited.goto(link);
  await expect(invited.getByText("nino.beridze@example.org").first()).toBeVisible();
  await invited.getByRole("button", { name: "Accept with its password" }).click();
  await invited.getByLabel("Password").fill("not the right password at all");
  await invited.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invited.getByText(/does not open a Junction account/)).toBeVisible();
  await invited.getByLabel("Password").fill("quiet rivers carry stones far");
  await invited.getByRole("button", { name: "Accept invitation" }).click();
  await expect(invited.getByText("UN Network on Migration – Georgia").first()).toBeVisible();
  await Promise.all([coordinator.close(), invitee.close()]);
});
