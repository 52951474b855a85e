import { writeFileSync } from "node:fs";
import AxeBuilder from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContext,
  type BrowserContextOptions,
  expect,
  type Page,
  test,
} from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { showDetails, signInViaApi } from "../support/session";

// what a new user met in a walk-through of the editor, one test each
const WORKPLAN = "wp-scmi-2022-2023";
const NETWORK = "un-network-georgia";
const EKA = "eka.lomidze@example.org"; // editor, UNICEF
const LEVAN = "levan.gelashvili@example.org"; // editor, UNDP
const NANA = "nana.abuladze@example.org"; // editor, SCMI (leads the first activity)
const TAMAR = "tamar.kapanadze@example.org"; // coordinator
const MARIAM = "mariam.chikovani@example.org"; // commenter, GAMR
const SAVED = "Connected · saved";
const OFFLINE = "Offline — changes kept on this device";

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

async function signedIn(browser: Browser, email: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  contexts.push(context);
  await signInViaApi(context, server.url, email);
  return context.newPage();
}

async function openEditor(browser: Browser, email: string): Promise<Page> {
  const page = await signedIn(browser, email);
  await page.goto(`${server.url}/workplans/${WORKPLAN}`);
  await expect(page.locator(".connection")).toHaveText(SAVED);
  return page;
}

test("a workplan shows a loading state and takes no typing until the server's copy has arrived", async ({
  browser,
}) => {
  const page = await signedIn(browser, EKA);
  let release = () => {};
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  // the server's first answers wait until the test lets them through, as on a slow network
  await page.routeWebSocket(/\/sync\//, (ws) => {
    const server = ws.connectToServer();
    server.onMessage((message) => {
      void held.then(() => ws.send(message));
    });
  });
  await page.goto(`${server.url}/workplans/${WORKPLAN}`);
  await expect(page.getByRole("status").filter({ hasText: "Loading the workplan" })).toBeVisible();
  await expect(page.locator(".editor-document")).toHaveCount(0);
  await expect(page.getByText("No activities yet")).toHaveCount(0);

  release();
  await expect(page.locator(".connection")).toHaveText(SAVED);
  await expect(page.locator(".editor-document [data-activity-id]").first()).toBeVisible();
  await expect(page.locator(".editor-document")).toHaveAttribute("contenteditable", "true");
});

test("removing an activity offers an undo, and Ctrl+Z right after brings it back for everyone", async ({
  browser,
}) => {
  const eka = await openEditor(browser, EKA);
  const levan = await openEditor(browser, LEVAN);
  const ids = await eka
    .locator(".editor-document [data-activity-id]")
    .evaluateAll((cards) => cards.map((card) => card.getAttribute("data-activity-id")));
  const [first, second] = ids;
  const card = (page: Page, id: string | null | undefined) =>
    page.locator(`.editor-document [data-activity-id="${id}"]`);

  await card(eka, first)
    .getByRole("button", { name: /^Remove activity/ })
    .click();
  await expect(card(levan, first)).toHaveCount(0);
  await expect(
    eka.getByRole("status").filter({ hasText: /^Removed “.+” for everyone\./ }),
  ).toBeVisible();
  // focus stays in the document, so the usual shortcut undoes the removal
  await eka.keyboard.press("Control+z");
  await expect(card(eka, first)).toHaveCount(1);
  await expect(card(levan, first)).toHaveCount(1);

  await card(eka, second)
    .getByRole("button", { name: /^Remove activity/ })
    .click();
  await expect(card(levan, second)).toHaveCount(0);
  await eka.getByRole("button", { name: "Undo", exact: true }).click();
  await expect(card(levan, second)).toHaveCount(1);
  expect(
    await levan
      .locator(".editor-document [data-activity-id]")
      .evaluateAll((cards) => cards.map((c) => c.getAttribute("data-activity-id"))),
  ).toEqual(ids);
});

test("the connection state stays in view when the page is scrolled, offline included", async ({
  browser,
}) => {
  const eka = await openEditor(browser, EKA);
  await eka.locator(".editor-document [data-activity-id]").last().scrollIntoViewIfNeeded();
  await eka.mouse.wheel(0, 4000);
  await eka.context().setOffline(true);
  await expect(eka.locator(".connection")).toHaveText(OFFLINE);
  await expect(eka.locator(".connection")).toBeInViewport();
  await eka.context().setOffline(false);
  await expect(eka.locator(".connection")).toHaveText(SAVED);
  await expect(eka.locator(".connection")).toBeInViewport();
});

test("a budget amount or currency that is not valid is kept in the field with a message, not reverted", async ({
  browser,
}) => {
  const nana = await openEditor(browser, NANA);
  const levan = await openEditor(browser, LEVAN);
  const card = nana.locator(".editor-document .activity-card").first();
  await showDetails(card);
  const amount = card.getByLabel("Amount");
  const before = await amount.inputValue();

  await amount.fill("-500");
  await amount.press("Enter");
  await expect(amount).toHaveValue("-500");
  await expect(amount).toHaveAttribute("aria-invalid", "true");
  await expect(amount).toHaveAccessibleDescription(/The amount cannot be negative/);

  const currency = card.getByLabel("Currency");
  await currency.fill("dollars");
  await currency.press("Enter");
  await expect(currency).toHaveValue("dollars");
  await expect(currency).toHaveAccessibleDescription(/ISO 4217/);

  await amount.fill("125000");
  await amount.press("Enter");
  await currency.fill("eur");
  await currency.press("Enter");
  await expect(currency).toHaveValue("EUR");
  await expect(amount).not.toHaveAttribute("aria-invalid", "true");
  expect(before).not.toBe("125000");
  const theirs = levan.locator(".editor-document .activity-card").first();
  await expect(theirs.locator(".activity-summary")).toContainText("125,000 EUR");
});

test("the main navigation reaches My work on a 390 px wide screen", async ({ browser }) => {
  const page = await signedIn(browser, EKA, { viewport: { width: 390, height: 844 } });
  await page.goto(`${server.url}/networks/${NETWORK}`);
  const myWork = page
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /My work/ });
  await expect(myWork).toBeInViewport({ ratio: 1 });
  await myWork.click();
  await expect(page).toHaveURL(/\/my-work$/);
});

test("on a phone-width screen nothing runs off the side: the editor's bar and cards in French and for a commenter, coverage in Spanish", async ({
  browser,
}) => {
  const viewport = { width: 390, height: 844 };
  // the coordinator's cards carry the most actions (Remove among them)
  const editor = await signedIn(browser, TAMAR, { viewport, locale: "fr-FR" });
  await editor.goto(`${server.url}/workplans/${WORKPLAN}`);
  await expect(editor.locator(".connection")).toHaveText("Connecté · enregistré");
  // the modes, Comment and Activity are one group: wider than the screen in French, it wraps
  await expect(editor.getByRole("button", { name: "Activité", exact: true })).toBeInViewport({
    ratio: 1,
  });
  expect(await editor.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    390,
  );
  // a card's actions wrap instead of running past its edge (Supprimer was out of reach)
  const actionEdges = await editor
    .locator(".activity-card")
    .first()
    .locator(".activity-header-actions button")
    .evaluateAll((buttons) => buttons.map((button) => button.getBoundingClientRect().right));
  expect(actionEdges.length).toBeGreaterThan(0);
  expect(Math.max(...actionEdges)).toBeLessThanOrEqual(390);

  const commenter = await signedIn(browser, MARIAM, { viewport });
  await commenter.goto(`${server.url}/workplans/${WORKPLAN}`);
  // the read-only notice takes its own line; the buttons and the connection state wrap below it
  await expect(commenter.locator(".connection")).toHaveText("Connected · up to date");
  await expect(commenter.locator(".connection")).toBeInViewport({ ratio: 1 });
  await expect(commenter.getByRole("button", { name: "Suggest" })).toBeInViewport({ ratio: 1 });
  const notice = await commenter.locator(".editor-readonly-notice").boundingBox();
  expect(notice?.width ?? 0).toBeGreaterThan(300);
  expect(await commenter.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    390,
  );

  const coverage = await signedIn(browser, EKA, {
    viewport: { width: 360, height: 800 },
    locale: "es",
  });
  await coverage.goto(`${server.url}/networks/${NETWORK}/coverage`);
  // the report's button wraps its long label; the matrix scrolls inside its own frame
  await expect(coverage.getByRole("table")).toBeVisible();
  await expect(coverage.getByRole("link", { name: /Informe/ })).toBeInViewport({ ratio: 1 });
  expect(await coverage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    360,
  );
});

test("the home page marks no network tab as current", async ({ browser }) => {
  const page = await signedIn(browser, EKA);
  await page.goto(`${server.url}/`);
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Workplans" })).toBeVisible();
  await expect(nav.locator('[aria-current="page"]')).toHaveCount(0);
});

test("opening the editor opens one sync connection and logs no closed-socket error", async ({
  browser,
}) => {
  const page = await signedIn(browser, EKA);
  const sockets: string[] = [];
  const errors: string[] = [];
  page.on("websocket", (ws) => {
    if (ws.url().includes("/sync/")) sockets.push(ws.url());
  });
  page.on("console", (message) => {
    if (message.text().includes("WebSocket is closed before the connection is established"))
      errors.push(message.text());
  });
  await page.goto(`${server.url}/workplans/${WORKPLAN}`);
  await expect(page.locator(".connection")).toHaveText(SAVED);
  // presence shows the socket is live and has been for a while: nothing else is opening
  await expect(page.locator(".presence-list")).toContainText("Eka Lomidze");
  expect(sockets).toHaveLength(1);
  expect(errors).toEqual([]);
});

test("a coordinator who already made tasks from a warning is told so and not offered them again", async ({
  browser,
}) => {
  const page = await signedIn(browser, TAMAR);
  await page.goto(`${server.url}/networks/${NETWORK}/warnings`);
  const open = page.getByRole("region", { name: /^Open/ });
  const warning = open.getByRole("article").first();
  const name = await warning.getAttribute("data-warning-id");
  await warning.getByRole("button", { name: "Coordinate" }).click();
  const dialog = page.getByRole("dialog", { name: "Create coordination tasks" });
  await expect(dialog.getByRole("button", { name: /^Create (\d+ tasks|task)$/ })).toBeEnabled();
  await dialog.getByRole("button", { name: /^Create (\d+ tasks|task)$/ }).click();
  await expect(dialog).toBeHidden();

  await page.locator(".warning-decided > summary").click();
  const decided = page.locator(`[data-warning-id="${name}"]`);
  await decided.getByRole("button", { name: "Create task" }).click();
  await expect(dialog.getByText(/^Already made from this warning:/)).toBeVisible();
  await expect(dialog.getByRole("button", { name: /^Create/ })).toBeDisabled();
  await expect(
    dialog.getByText("Nothing new to create: every lead already has a task."),
  ).toBeVisible();
});

test("the month fields show their whole year, and each of their tab stops shows focus", async ({
  browser,
}) => {
  const nana = await openEditor(browser, NANA);
  const card = nana.locator(".editor-document .activity-card").first();
  await showDetails(card);
  for (const label of ["Starts", "Ends"]) {
    const month = card.getByLabel(label, { exact: true });
    await month.fill("2027-12");
    // the month, the year and the calendar button fit the field: nothing runs under the button
    expect(await month.evaluate((input) => input.scrollWidth <= input.clientWidth)).toBe(true);
  }

  const month = card.getByLabel("Ends", { exact: true });
  // where the field is now: the dates just typed may change the card's warnings, and the card
  // around the field with them, while the test runs
  const look = async (part: "inside" | "button") => {
    const box = await month.boundingBox();
    if (!box) throw new Error("the Ends field is not on screen");
    // inside the border: the field's own focus outline and border colour are left out
    const inside = { x: box.x + 3, y: box.y + 3, width: box.width - 6, height: box.height - 6 };
    const button = { ...inside, x: inside.x + inside.width - 24, width: 24 };
    return nana.screenshot({ clip: part === "inside" ? inside : button });
  };
  // from the Starts field, Tab lands in Ends as a keyboard user gets there
  await card.getByLabel("Starts", { exact: true }).focus();
  const unfocused = await look("inside");
  await nana.keyboard.press("Tab");
  await nana.keyboard.press("Tab");
  await nana.keyboard.press("Tab");
  await expect(month).toBeFocused();
  const monthStop = await look("inside");
  await nana.keyboard.press("Tab");
  const yearStop = await look("inside");
  const buttonBefore = await look("button");
  await nana.keyboard.press("Tab");
  const buttonStop = await look("button");
  for (const [name, shot] of Object.entries({
    unfocused,
    monthStop,
    yearStop,
    buttonBefore,
    buttonStop,
  }))
    if (process.env.E2E_SHOTS) writeFileSync(`${process.env.E2E_SHOTS}/${name}.png`, shot);
  await expect(month).toBeFocused();
  expect(monthStop.equals(unfocused)).toBe(false);
  expect(yearStop.equals(monthStop)).toBe(false);
  expect(buttonStop.equals(buttonBefore)).toBe(false);
});

test("the editor names each card's warnings apart and repeats no landmark", async ({ browser }) => {
  const tamar = await signedIn(browser, TAMAR);
  await tamar.goto(`${server.url}/workplans/wp-network-2021-2023`);
  await expect(tamar.locator(".connection")).toHaveText(SAVED);
  await expect(tamar.locator(".activity-card-warnings").nth(1)).toBeVisible();
  const results = await new AxeBuilder({ page: tamar })
    .withRules([
      "landmark-unique",
      "landmark-no-duplicate-main",
      "landmark-complementary-is-top-level",
    ])
    .analyze();
  expect(results.violations.map((v) => v.nodes.map((n) => n.target))).toEqual([]);
  const names = await tamar
    .locator(".activity-card-warnings [role=group]")
    .evaluateAll((groups) => groups.map((g) => g.getAttribute("aria-label")));
  expect(names.length).toBeGreaterThan(1);
  expect(new Set(names).size).toBe(names.length);
});
