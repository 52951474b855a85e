import { expect, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

test("a coordinator signs in and sees the demo network's organisations and workplans", async ({
  page,
}) => {
  await page.goto(`${server.url}/`);
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill("tamar.kapanadze@example.org");
  await page.getByLabel("Password").fill("junction-demo");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByText("UN Network on Migration – Georgia").first()).toBeVisible();
  await expect(
    page.getByText("UN Network on Migration – Georgia: joint workplan 2021–2023").first(),
  ).toBeVisible();
  await page.getByText("UN Network on Migration – Georgia").first().click();
  await expect(
    page
      .getByRole("main")
      .getByText("International Organization for Migration")
      .filter({ visible: true })
      .first(),
  ).toBeVisible();
});

test("a wrong password shows a clear message and stays on the sign-in page", async ({ page }) => {
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill("tamar.kapanadze@example.org");
  await page.getByLabel("Password").fill("not the password");
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("alert")).toContainText(/email and password/i);
  await expect(page).toHaveURL(/\/login/);
});
