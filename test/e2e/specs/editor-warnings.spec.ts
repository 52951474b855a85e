import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { signInViaApi } from "../support/session";

const NETWORK_WORKPLAN = "wp-network-2021-2023";
const NETWORK_WORKPLAN_TITLE = "UN Network on Migration – Georgia: joint workplan 2021–2023";
const STRATEGY_WORKPLAN = "wp-scmi-2022-2023";
const EKA = "eka.lomidze@example.org"; // editor, UNICEF
const TAMAR = "tamar.kapanadze@example.org"; // coordinator, IOM
const ORIGINAL =
  "Fair recruitment: helping the Labour Inspection supervise private employment agencies";
// A14 (ILO) reworded: the same work, planned again by another organisation
const TITLE = "Supporting the Labour Inspection to license and inspect private employment agencies";
const DESCRIPTION =
  "UNICEF helps the Labour Inspection license and inspect private employment agencies that find jobs abroad for Georgian workers, and sanction agencies that break the rules, following the ILO fair recruitment guidelines.";
const WARNING_TIMEOUT = 15_000;

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

async function signedIn(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  contexts.push(context);
  await signInViaApi(context, server.url, email);
  return context.newPage();
}

async function insertActivity(page: Page, title: string, description: string) {
  const editor = page.locator(".editor-document");
  await editor.focus();
  await page.keyboard.press("Control+End");
  await page.getByRole("button", { name: "Activity", exact: true }).click();
  await page.keyboard.type(title);
  await page.keyboard.press("Enter");
  await page.keyboard.type(description);
  return page.locator(".activity-card", { hasText: title });
}

test("a duplicate typed in one workplan raises a warning on the original activity in another, and a coordinator marks it not a duplicate", async ({
  browser,
}) => {
  const tamar = await signedIn(browser, TAMAR);
  await tamar.goto(`${server.url}/workplans/${NETWORK_WORKPLAN}#activity-A14`);
  await expect(tamar).toHaveTitle(`${NETWORK_WORKPLAN_TITLE} · Junction`);
  const original = tamar.locator("#activity-A14");
  await expect(original).toContainText(ORIGINAL);
  // the deep link lands on the card
  await expect(original).toBeInViewport();

  const eka = await signedIn(browser, EKA);
  await eka.goto(`${server.url}/workplans/${STRATEGY_WORKPLAN}`);
  await expect(eka.locator(".connection")).toHaveText("Connected · saved");
  const card = await insertActivity(eka, TITLE, DESCRIPTION);
  await card.getByLabel("Lead organisation").selectOption("unicef");
  await card.getByLabel("Starts").fill("2022-01");
  await card.getByLabel("Ends").fill("2022-12");
  const place = card.getByLabel("Add to locations");
  await place.fill("Tbilisi");
  await place.press("Enter");
  const activityId = await card.getAttribute("data-activity-id");
  // a new block gets a fresh id of its own, which the warning's link below points at
  expect(activityId).toMatch(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
  );

  const warning = original.locator(".activity-warning", { hasText: TITLE });
  await expect(warning).toBeVisible({ timeout: WARNING_TIMEOUT });
  await expect(warning).toContainText("UNICEF");
  await expect(warning.getByRole("link", { name: TITLE })).toHaveAttribute(
    "href",
    `/workplans/${STRATEGY_WORKPLAN}#activity-${activityId}`,
  );
  await original.getByRole("button", { name: /^\d+ possible duplicates?$/ }).click();
  const reasons = warning.getByRole("list", { name: "Reasons" });
  await expect(reasons).toBeVisible();
  await expect(reasons).toContainText("Similar wording");
  await expect(reasons).toContainText("Same place: Tbilisi");
  await expect(reasons).toContainText("Periods overlap");
  await expect(
    tamar.locator(".panel-activity", { hasText: ORIGINAL }).locator(".warning-marker"),
  ).toBeVisible();

  // the editor who typed it sees the same warning on her card, without the coordinator's buttons
  const mine = card.locator(".activity-warning", { hasText: ORIGINAL });
  await expect(mine).toBeVisible({ timeout: WARNING_TIMEOUT });
  await expect(card.getByRole("button", { name: /possible duplicates?$/ })).toBeVisible();
  await expect(card.getByRole("button", { name: "Not a duplicate" })).toHaveCount(0);

  await warning.getByRole("button", { name: "Not a duplicate" }).click();
  await expect(warning).toHaveClass(/activity-warning-dismissed/);
  await expect(warning).toContainText(/Marked not a duplicate by Tamar Kapanadze/);
  await expect(warning.getByRole("button", { name: "Not a duplicate" })).toHaveCount(0);
  await expect(mine).toHaveClass(/activity-warning-dismissed/, { timeout: WARNING_TIMEOUT });
  // the card counts only what is still open: not the dismissed pair (another pair the engine may
  // find for the new activity stays counted)
  const marker = card.getByRole("button", { name: /possible duplicates?$/ });
  const stillOpen = card.locator(".activity-warning:not(.activity-warning-dismissed)");
  await expect(async () => {
    const open = await stillOpen.count();
    if (open === 0) await expect(marker).toHaveCount(0, { timeout: 100 });
    else
      await expect(marker).toHaveAccessibleName(new RegExp(`^${open} possible duplicates?$`), {
        timeout: 100,
      });
  }).toPass({ timeout: WARNING_TIMEOUT });

  // the callout's link opens the other workplan on the new activity
  await warning.getByRole("link", { name: TITLE }).click();
  await expect(tamar).toHaveURL(
    `${server.url}/workplans/${STRATEGY_WORKPLAN}#activity-${activityId}`,
  );
  const linked = tamar.locator(`#activity-${activityId}`);
  await expect(linked).toContainText(TITLE);
  await expect(linked).toBeInViewport();
});
