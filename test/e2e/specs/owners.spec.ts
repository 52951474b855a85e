import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { openWorkplan, showDetails } from "../support/session";

const WORKPLAN = "wp-scmi-2022-2023";

let server: RunningServer;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  server = await startServer();
});
test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});
test.afterAll(async () => {
  await server.stop();
});

function openEditor(browser: Browser, email: string, connected: string): Promise<Page> {
  return openWorkplan(browser, {
    serverUrl: server.url,
    contexts,
    workplanId: WORKPLAN,
    email,
    connected,
  });
}

test("a coordinator sets an activity's owners and another member's card shows them live", async ({
  browser,
}) => {
  const mariam = await openEditor(
    browser,
    "mariam.chikovani@example.org",
    "Connected · up to date",
  );
  await expect(mariam.getByRole("button", { name: /^Owners of activity/ })).toHaveCount(0);
  const tamar = await openEditor(browser, "tamar.kapanadze@example.org", "Connected · saved");

  await tamar
    .locator(".activity-card")
    .first()
    .getByRole("button", { name: /^Owners of activity/ })
    .click();
  const dialog = tamar.getByRole("dialog", { name: "Owners" });
  // viewers may not own work
  await expect(dialog.getByRole("checkbox", { name: /Nino Kiknadze/ })).toHaveCount(0);
  const sofia = dialog.getByRole("checkbox", { name: /Sofia Lindqvist/ });
  await expect(sofia).not.toBeChecked();
  await sofia.check();
  await dialog.getByRole("button", { name: "Save owners" }).click();
  await expect(dialog).toBeHidden();

  await expect(
    tamar.locator(".activity-card").first().getByRole("list", { name: "Owners" }),
  ).toContainText("Sofia Lindqvist");
  // no reload: the commenter's card follows the server's events
  await expect(
    mariam.locator(".activity-card").first().getByRole("list", { name: "Owners" }),
  ).toContainText("Sofia Lindqvist");
});

test("an editor sets the status only of activities they own, and can once a coordinator makes them an owner", async ({
  browser,
}) => {
  // the second card (A11) is led by the state commission; Levan is an editor at UNDP
  const levan = await openEditor(browser, "levan.gelashvili@example.org", "Connected · saved");
  const levanCard = levan.locator(".activity-card").nth(1);
  await showDetails(levanCard);
  const levanStatus = levanCard.getByLabel("Status");
  await expect(levanStatus).toBeDisabled();
  await expect(
    levanCard.getByText("Set by SCMI, the lead organisation, its owners and coordinators"),
  ).toBeVisible();

  const tamar = await openEditor(browser, "tamar.kapanadze@example.org", "Connected · saved");
  const tamarCard = tamar.locator(".activity-card").nth(1);
  await tamarCard.getByRole("button", { name: /^Owners of activity/ }).click();
  const dialog = tamar.getByRole("dialog", { name: "Owners" });
  await dialog.getByRole("checkbox", { name: /Levan Gelashvili/ }).check();
  await dialog.getByRole("button", { name: "Save owners" }).click();
  await expect(dialog).toBeHidden();

  // ownership arrives live; the field opens without a reload
  await expect(levanStatus).toBeEnabled();
  await levanStatus.selectOption("ongoing");
  await expect(tamarCard.locator(".badge-status-ongoing")).toHaveText("Ongoing");
});
