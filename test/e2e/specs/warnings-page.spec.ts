import { expect, type Page, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { signInViaPage } from "../support/session";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

function signIn(page: Page, email: string): Promise<void> {
  return signInViaPage(page, server.url, email);
}

test("a coordinator sees why two activities look alike and marks another pair not a duplicate", async ({
  page,
}) => {
  await signIn(page, "tamar.kapanadze@example.org");
  const warningsLink = page.getByRole("navigation", { name: "Main" }).getByRole("link", {
    name: /Warnings/,
  });
  await expect(warningsLink).toContainText(/\d+/);
  await warningsLink.click();
  await expect(page.getByRole("heading", { name: "Duplication warnings" })).toBeVisible();

  const open = page.getByRole("region", { name: /^Open/ });
  const border = open.getByRole("article", {
    name: /Child-sensitive border procedures.*Border Police capacity development/,
  });
  await expect(border).toContainText("UNICEF");
  await expect(border).toContainText("IOM");
  await expect(border).toContainText("Strong match");
  const reasons = border.getByRole("list", { name: "Reasons" });
  await expect(reasons).toContainText("Same place: Tbilisi International Airport");
  await expect(reasons).toContainText("Same target group: victims of trafficking");
  await expect(
    border.getByRole("link", { name: /Child-sensitive border procedures/ }),
  ).toHaveAttribute("href", /\/workplans\/[^#]+#activity-A19$/);

  const recruitment = open.getByRole("article", { name: /Fair recruitment.*IRIS ethical/ });
  await recruitment.getByRole("button", { name: "Not a duplicate" }).click();
  await expect(page.getByRole("status").filter({ hasText: "as not a duplicate" })).toBeVisible();
  await expect(open.getByRole("article", { name: /Fair recruitment.*IRIS ethical/ })).toHaveCount(
    0,
  );

  await page.getByText(/^Decided \(1\)$/).click();
  const decided = page.locator(".warning-decided").getByRole("article", {
    name: /Fair recruitment.*IRIS ethical/,
  });
  await expect(decided).toContainText("Not a duplicate");
  await expect(decided).toContainText(/Marked not a duplicate by Tamar Kapanadze on \d+ \w+ \d{4}/);
  await expect(decided.getByRole("button", { name: "Reopen" })).toBeVisible();
});

test("an editor reads the warnings but is offered no decision", async ({ page }) => {
  await signIn(page, "eka.lomidze@example.org");
  await page.goto(`${server.url}/networks/un-network-georgia/warnings`);
  const border = page.getByRole("article", {
    name: /Child-sensitive border procedures.*Border Police capacity development/,
  });
  await expect(border.getByRole("list", { name: "Reasons" })).toContainText("Same place");
  await expect(border).toContainText("A coordinator will review this warning.");
  await expect(page.getByRole("button", { name: "Not a duplicate" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Coordinate" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Reopen" })).toHaveCount(0);
});
