import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { openWorkplan, showDetails } from "../support/session";

const WORKPLAN = "wp-network-2021-2023";
const IRAKLI = "irakli.janelidze@example.org"; // editor, ILO
const EKA = "eka.lomidze@example.org"; // editor, UNICEF (leads A19)
const SAVED = "Connected · saved";

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

function openEditor(browser: Browser, email: string): Promise<Page> {
  return openWorkplan(browser, {
    serverUrl: server.url,
    contexts,
    workplanId: WORKPLAN,
    email,
    connected: SAVED,
  });
}

test("an editor of another organisation sees an activity's commitments read-only, and who sets them", async ({
  browser,
}) => {
  const irakli = await openEditor(browser, IRAKLI);
  const card = irakli.locator('[data-activity-id="A19"]');
  await showDetails(card);
  await expect(card.getByLabel("Lead organisation")).toBeDisabled();
  await expect(card.getByLabel("Status", { exact: true })).toBeDisabled();
  await expect(card.getByLabel("Add a partner organisation")).toHaveCount(0);
  await expect(card.getByLabel("Amount")).not.toBeEditable();
  await expect(card.getByLabel("Funding", { exact: true })).toBeDisabled();
  // lead, partners and budget say who sets them; the status names its owners too
  await expect(
    card.getByText("Set by UNICEF, the lead organisation, and coordinators", { exact: true }),
  ).toHaveCount(3);
  await expect(
    card.getByText("Set by UNICEF, the lead organisation, its owners and coordinators"),
  ).toBeVisible();
  await expect(card.getByLabel("Lead organisation")).toHaveAccessibleDescription(
    "Set by UNICEF, the lead organisation, and coordinators",
  );
  // the rest of the activity is everyone's to edit
  await expect(card.getByLabel("Add to locations")).toBeEditable();

  const eka = await openEditor(browser, EKA);
  const own = eka.locator('[data-activity-id="A19"]');
  await showDetails(own);
  await expect(own.getByLabel("Lead organisation")).toBeEnabled();
  await expect(own.getByLabel("Status", { exact: true })).toBeEnabled();
  await expect(own.getByLabel("Add a partner organisation")).toBeVisible();
  await expect(own.getByLabel("Amount")).toBeEditable();
  await expect(own.getByText(/^Set by /)).toHaveCount(0);
});

test("an editor claims a new activity for their organisation, then sets its status", async ({
  browser,
}) => {
  const irakli = await openEditor(browser, IRAKLI);
  const eka = await openEditor(browser, EKA);
  await irakli.getByRole("button", { name: "Activity", exact: true }).click();
  const fresh = irakli.locator(".activity-card:not(:has(.activity-lead))");
  await expect(fresh).toHaveCount(1);
  const id = await fresh.getAttribute("data-activity-id");
  const card = irakli.locator(`[data-activity-id="${id}"]`);
  const status = card.getByLabel("Status", { exact: true });
  await expect(status).toBeDisabled();
  await expect(status).toHaveAccessibleDescription(/^Choose the lead organisation first/);

  const lead = card.getByLabel("Lead organisation");
  await expect(lead.locator("option")).toHaveText([
    "No lead yet",
    "ILO — International Labour Organization",
  ]);
  await lead.selectOption({ label: "ILO — International Labour Organization" });
  await expect(status).toBeEnabled();
  await status.selectOption("ongoing");

  const theirs = eka.locator(`[data-activity-id="${id}"]`);
  await expect(theirs.locator(".activity-lead")).toHaveText("ILO");
  await expect(theirs.locator(".badge-status-ongoing")).toHaveText("Ongoing");
  // Eka's organisation does not lead it: for her it is ILO's to change
  await showDetails(theirs);
  await expect(theirs.getByLabel("Status", { exact: true })).toBeDisabled();
  await eka.reload();
  await expect(eka.locator(`[data-activity-id="${id}"] .badge-status-ongoing`)).toHaveText(
    "Ongoing",
  );
});
