import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { expectNoSeriousViolations } from "../support/axe";
import { documentText, editorOf } from "../support/editor";
import { type RunningServer, startServer } from "../support/server";
import { openWorkplan, showDetails } from "../support/session";

const WORKPLAN = "wp-network-2021-2023"; // in consultation
const MARIAM = "mariam.chikovani@example.org"; // commenter, GAMR
const EKA = "eka.lomidze@example.org"; // editor, UNICEF
const TAMAR = "tamar.kapanadze@example.org"; // coordinator, IOM
const UNICEF_ACTIVITY = "A19"; // led by UNICEF
const UNICEF_OTHER_ACTIVITY = "A24"; // led by UNICEF

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

/** Selects the first words of an activity's description, as a mouse drag would. */
function selectFirstWords(page: Page, activityId: string, words: number): Promise<string> {
  return page.evaluate(
    ({ activityId, words }) => {
      const paragraph = document.querySelector(
        `[data-activity-id="${activityId}"] .activity-description p`,
      );
      const text = paragraph?.firstChild;
      if (!text || text.nodeType !== Node.TEXT_NODE) throw new Error("no description text");
      const content = text.textContent ?? "";
      const end = content.split(" ").slice(0, words).join(" ").length;
      document.getSelection()?.setBaseAndExtent(text, 0, text, end);
      return content.slice(0, end);
    },
    { activityId, words },
  );
}

function openSuggestions(page: Page) {
  return page.getByRole("list", { name: "Open suggestions" });
}

/** A commenter selects words in an activity's description and suggests other wording. */
async function suggest(page: Page, activityId: string, words: number, wording: string) {
  // the editor takes a selection from the page's selectionchange event; on a busy machine the
  // card can be re-rendered in between, so select again until the editor shows it has the words
  // (its Comment button is enabled only for a selection)
  let quote = "";
  await expect(async () => {
    quote = await selectFirstWords(page, activityId, words);
    await expect(page.getByRole("button", { name: "Comment", exact: true })).toBeEnabled({
      timeout: 2_000,
    });
  }).toPass({ timeout: 20_000 });
  const suggestButton = page.getByRole("button", { name: "Suggest", exact: true });
  await expect(suggestButton).toBeEnabled();
  await suggestButton.click();
  const dialog = page.getByRole("dialog", { name: "Suggest a change" });
  const field = dialog.getByLabel("Proposed wording");
  await expect(field).toHaveValue(quote);
  await field.fill(wording);
  await dialog.getByLabel("Reason (optional)").fill("Clearer for partners");
  await dialog.getByRole("button", { name: "Suggest", exact: true }).click();
  await expect(dialog).toBeHidden();
  return quote;
}

test("a commenter suggests new wording; the lead organisation's editor sees it live and accepts; everyone reads the new text", async ({
  browser,
}) => {
  // three browsers and an axe pass: more than one minute on a busy two-core machine
  test.setTimeout(120_000);
  const wording = "Training for frontline officers on";
  const eka = await openEditor(browser, EKA, "Connected · saved");
  await eka.getByRole("tab", { name: /Suggestions/ }).click();
  const tamar = await openEditor(browser, TAMAR, "Connected · saved");
  const mariam = await openEditor(browser, MARIAM, "Connected · up to date");

  const quote = await suggest(mariam, UNICEF_ACTIVITY, 4, wording);
  expect(quote.length).toBeGreaterThan(5);
  // the author sees their own suggestion at once, and may withdraw it, not decide it
  const mine = mariam.locator(".suggestion-card", { hasText: wording });
  await expect(mine).toBeVisible();
  await expect(mine.getByRole("button", { name: "Withdraw" })).toBeVisible();
  await expect(mine.getByRole("button", { name: "Accept" })).toHaveCount(0);

  // live, without a reload: in the panel and in the text, in the author's name
  const card = eka.locator(".suggestion-card", { hasText: wording });
  await expect(card).toContainText(quote);
  await expect(card).toContainText("Mariam Chikovani");
  await expect(card).toContainText("Clearer for partners");
  const inserted = eka.locator(".editor-document .suggestion-insert", { hasText: wording });
  await expect(inserted).toBeVisible();
  await expect(inserted).toHaveAttribute("title", /Suggested by Mariam Chikovani/);
  await expect(eka.locator(".editor-document .suggestion-delete")).toHaveText(quote);
  await expectNoSeriousViolations(eka, "the editor with a suggestion and the Suggestions tab");

  await card.getByRole("button", { name: "Accept" }).click();

  // a third person's document changes: the new wording in, the old one out
  await expect.poll(() => documentText(tamar)).toContain(wording);
  const tamarText = await documentText(tamar);
  expect(tamarText).not.toContain(`${quote} ${wording}`);
  await expect.poll(() => documentText(mariam)).toContain(wording);
  await expect(eka.locator(".editor-document .suggestion-insert")).toHaveCount(0);
  await expect(openSuggestions(eka).locator(".suggestion-card", { hasText: wording })).toHaveCount(
    0,
  );
  await mariam.getByRole("tab", { name: /Suggestions/ }).click();
  const decided = mariam.locator(".comment-resolved", { hasText: "Decided" });
  await decided.locator("summary").click();
  await expect(decided.locator(".suggestion-card", { hasText: wording })).toContainText(
    "Accepted by Eka Lomidze",
  );
});

test("a coordinator rejects a suggestion with a note: the text stays as it was, and the author sees why", async ({
  browser,
}) => {
  const wording = "Replaced wording nobody wants";
  const note = "The current wording was agreed with the Ministry.";
  const mariam = await openEditor(browser, MARIAM, "Connected · up to date");
  // the description as it was before anyone suggested anything; the suggestion shows in it
  // until decided
  const description = mariam.locator(
    `[data-activity-id="${UNICEF_OTHER_ACTIVITY}"] .activity-description`,
  );
  const before = await description.textContent();
  const quote = await suggest(mariam, UNICEF_OTHER_ACTIVITY, 3, wording);
  expect(before).toContain(quote);
  await expect(description).toContainText(wording);

  const tamar = await openEditor(browser, TAMAR, "Connected · saved");
  await tamar.getByRole("tab", { name: /Suggestions/ }).click();
  const card = tamar.locator(".suggestion-card", { hasText: wording });
  await expect(card.getByRole("button", { name: "Accept" })).toBeVisible();
  await card.getByText("Reject with a note").click();
  await card.getByRole("textbox", { name: "Why it is rejected" }).fill(note);
  await card.getByRole("button", { name: "Reject with this note" }).click();
  await expect(
    openSuggestions(tamar).locator(".suggestion-card", { hasText: wording }),
  ).toHaveCount(0);

  const eka = await openEditor(browser, EKA, "Connected · saved");
  await expect(
    eka.locator(".editor-document .suggestion-insert", { hasText: wording }),
  ).toHaveCount(0);
  expect(await documentText(eka)).not.toContain(wording);
  expect(await documentText(eka)).toContain(quote);

  // the author's panel follows the decision live
  const decided = mariam.locator(".comment-resolved", { hasText: "Decided" });
  await expect(decided).toBeVisible();
  await decided.locator("summary").click();
  const rejected = decided.locator(".suggestion-card", { hasText: wording });
  await expect(rejected).toContainText("Rejected by Tamar Kapanadze");
  await expect(rejected).toContainText(note);
  await expect.poll(() => description.textContent()).toBe(before);
});

test("an editor switched to suggesting cannot type into the text, and the choice is remembered", async ({
  browser,
}) => {
  const eka = await openEditor(browser, EKA, "Connected · saved");
  const mode = eka.getByRole("radiogroup", { name: "Mode" });
  await mode.getByRole("radio", { name: "Suggesting" }).check();
  await expect(eka.getByRole("textbox", { name: "Workplan document" })).toHaveAttribute(
    "aria-readonly",
    "true",
  );
  const before = await documentText(eka);
  await selectFirstWords(eka, UNICEF_ACTIVITY, 1);
  await eka.keyboard.type("typed over");
  expect(await documentText(eka)).toBe(before);
  const suggestButton = eka.getByRole("button", { name: "Suggest", exact: true });
  await expect(suggestButton).toBeEnabled();
  await suggestButton.click();
  const dialog = eka.getByRole("dialog", { name: "Suggest a change" });
  await expect(dialog.getByLabel("Proposed wording")).toBeFocused();
  await expectNoSeriousViolations(eka, "the Suggest dialog");
  await eka.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(editorOf(eka)).toBeFocused();

  await eka.reload();
  await expect(eka.locator(".connection")).toHaveText("Connected · saved");
  await expect(
    eka.getByRole("radiogroup", { name: "Mode" }).getByRole("radio", { name: "Suggesting" }),
  ).toBeChecked();
  await eka.getByRole("radio", { name: "Editing" }).check();
  await expect(eka.getByRole("textbox", { name: "Workplan document" })).toHaveAttribute(
    "aria-readonly",
    "false",
  );
});

test("a commenter suggests a new budget; the lead organisation's editor accepts it and the field changes", async ({
  browser,
}) => {
  const mariam = await openEditor(browser, MARIAM, "Connected · up to date");
  const card = mariam.locator(`[data-activity-id="${UNICEF_OTHER_ACTIVITY}"]`);
  await showDetails(card);
  const open = card.getByRole("button", { name: "Suggest a change to the budget" });
  await open.click();
  const dialog = mariam.getByRole("dialog", { name: "Suggest a new budget" });
  await dialog.getByLabel("Amount").fill("ten thousand");
  await dialog.getByLabel("Currency").fill("gel");
  await dialog.getByRole("button", { name: "Suggest", exact: true }).click();
  // checked as the form's own fields are: nothing is sent until it reads as an amount
  await expect(dialog).toContainText("Enter the amount as a number");
  await dialog.getByLabel("Amount").fill("98765");
  await dialog.getByRole("button", { name: "Suggest", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(open).toBeFocused();

  const eka = await openEditor(browser, EKA, "Connected · saved");
  await eka.getByRole("tab", { name: /Suggestions/ }).click();
  const suggestion = openSuggestions(eka).locator(".suggestion-card", { hasText: "98765" });
  await expect(suggestion).toContainText("Budget");
  await suggestion.getByRole("button", { name: "Accept" }).click();
  await expect(suggestion).toHaveCount(0);
  const ekaCard = eka.locator(`[data-activity-id="${UNICEF_OTHER_ACTIVITY}"]`);
  await showDetails(ekaCard);
  await expect(ekaCard.getByLabel("Amount")).toHaveValue("98765");
  await expect(ekaCard.getByLabel("Currency")).toHaveValue("GEL");
  await expect(card.getByLabel("Amount")).toHaveValue("98765");
});

test("a commenter suggests words to insert at the cursor in an activity's title; accepted, they are in everyone's title", async ({
  browser,
}) => {
  const words = " (pilot phase)";
  const mariam = await openEditor(browser, MARIAM, "Connected · up to date");
  const title = mariam.locator(`[data-activity-id="${UNICEF_OTHER_ACTIVITY}"] .activity-title`);
  const before = (await title.textContent()) ?? "";
  // the caret at the title's end (End would stop at the end of its first visual line)
  await title.evaluate((element) => {
    const text = element.lastChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) throw new Error("no title text");
    document.getSelection()?.collapse(text, text.textContent?.length ?? 0);
  });
  await mariam.getByRole("button", { name: "Suggest", exact: true }).click();
  const dialog = mariam.getByRole("dialog", { name: "Suggest an insertion" });
  await dialog.getByLabel("Words to insert").fill(words);
  await dialog.getByRole("button", { name: "Suggest", exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(title.locator(".suggestion-insert")).toHaveText(words);

  const tamar = await openEditor(browser, TAMAR, "Connected · saved");
  await tamar.getByRole("tab", { name: /Suggestions/ }).click();
  const suggestion = openSuggestions(tamar).locator(".suggestion-card", { hasText: words.trim() });
  await expect(suggestion).toContainText("Insert");
  await suggestion.getByRole("button", { name: "Accept" }).click();
  await expect(title).toHaveText(`${before}${words}`);
  await expect(title.locator(".suggestion-insert")).toHaveCount(0);
});
