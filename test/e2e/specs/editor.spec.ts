import AxeBuilder from "@axe-core/playwright";
import {
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
  test,
} from "@playwright/test";
import { expectNoCspViolations, recordCspViolations } from "../support/csp";
import { type RunningServer, startServer } from "../support/server";
import { showDetails } from "../support/session";

const WORKPLAN = "wp-scmi-2022-2023";
const EKA = "eka.lomidze@example.org"; // editor, UNICEF
const LEVAN = "levan.gelashvili@example.org"; // editor, UNDP
const NANA = "nana.abuladze@example.org"; // editor, SCMI (leads the first activity)
const MARIAM = "mariam.chikovani@example.org"; // commenter
const SAVED = "Connected · saved";
const UP_TO_DATE = "Connected · up to date";
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

type Person = { context: BrowserContext; page: Page };

async function openEditor(browser: Browser, email: string, connected = SAVED): Promise<Person> {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  contexts.push(context);
  const response = await context.request.post(`${server.url}/api/auth/login`, {
    data: { email, password: "junction-demo" },
    headers: { Origin: server.url },
  });
  expect(response.ok()).toBe(true);
  const page = await context.newPage();
  await page.goto(`${server.url}/workplans/${WORKPLAN}`);
  await expect(connection(page)).toHaveText(connected);
  return { context, page };
}

function connection(page: Page) {
  return page.locator(".connection");
}

function editorOf(page: Page) {
  return page.locator(".editor-document");
}

/** The document's text as people read it: no remote caret labels, no activity field chrome. */
function documentText(page: Page): Promise<string> {
  return editorOf(page).evaluate((root) => {
    const copy = root.cloneNode(true) as HTMLElement;
    copy
      .querySelectorAll(".collaboration-carets__caret, .activity-card-header, .activity-fields")
      .forEach((element) => {
        element.remove();
      });
    return copy.textContent ?? "";
  });
}

/** Resolves once IndexedDB has committed every write queued so far (transactions run in order). */
function localWritesSettled(page: Page): Promise<void> {
  return page.evaluate(async (workplanId) => {
    const databases = await indexedDB.databases();
    const name = databases.find((d) => d.name?.endsWith(`:${workplanId}`))?.name;
    if (!name) throw new Error("no local copy of the workplan");
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.open(name);
      request.onerror = () => reject(request.error);
      request.onsuccess = () => {
        const db = request.result;
        const transaction = db.transaction("updates", "readonly");
        transaction.oncomplete = () => {
          db.close();
          resolve();
        };
        transaction.onerror = () => reject(transaction.error);
      };
    });
  }, WORKPLAN);
}

function activityIds(page: Page): Promise<string[]> {
  return page
    .locator("[data-activity-id]")
    .evaluateAll((elements) => elements.map((e) => e.getAttribute("data-activity-id") ?? ""));
}

async function typeAtStart(page: Page, text: string) {
  // focus(), not click(): a click can land on someone's caret label
  await editorOf(page).focus();
  await page.keyboard.press("Control+Home");
  await page.keyboard.type(text);
}

test("two editors type and change different fields of one activity at once, and both see the same document", async ({
  browser,
}) => {
  // Nana's organisation leads the first activity, so she may set its status
  const nana = await openEditor(browser, NANA);
  const levan = await openEditor(browser, LEVAN);
  await expect(nana.page.locator(".presence-list")).toContainText("Levan Gelashvili");
  await expect(nana.page.locator(".presence-list")).toContainText("UNDP");
  await expect(levan.page.locator(".presence-list")).toContainText("Nana Abuladze");

  await editorOf(nana.page).focus();
  await editorOf(levan.page).focus();
  await nana.page.keyboard.press("Control+Home");
  await levan.page.keyboard.press("Control+Home");
  await levan.page.keyboard.press("End");
  await Promise.all([
    nana.page.keyboard.type("Nana was here. "),
    levan.page.keyboard.type(" Levan too."),
  ]);

  const nanaCard = nana.page.locator(".activity-card").first();
  const levanCard = levan.page.locator(".activity-card").first();
  await showDetails(nanaCard);
  await showDetails(levanCard);
  await Promise.all([
    nanaCard.getByLabel("Status", { exact: true }).selectOption("ongoing"),
    (async () => {
      const place = levanCard.getByLabel("Add to locations");
      await place.fill("Kutaisi");
      await place.press("Enter");
    })(),
  ]);

  for (const card of [nanaCard, levanCard]) {
    await expect(card.getByLabel("Status", { exact: true })).toHaveValue("ongoing");
    await expect(card.locator(".chip-tag", { hasText: "Kutaisi" })).toHaveCount(1);
  }
  await expect.poll(() => documentText(nana.page)).toContain("Nana was here. ");
  await expect.poll(() => documentText(nana.page)).toContain(" Levan too.");
  await expect
    .poll(async () => (await documentText(nana.page)) === (await documentText(levan.page)))
    .toBe(true);
  // the side panel reads the live document
  await expect(nana.page.locator(".panel-activity").first()).toContainText("Ongoing");
});

test("undo takes back only your own change, not a teammate's", async ({ browser }) => {
  const eka = await openEditor(browser, EKA);
  const levan = await openEditor(browser, LEVAN);
  await typeAtStart(eka.page, "Mine to undo. ");
  await expect.poll(() => documentText(levan.page)).toContain("Mine to undo. ");
  await typeAtStart(levan.page, "Levan keeps this. ");
  await expect.poll(() => documentText(eka.page)).toContain("Levan keeps this. ");

  await eka.page.keyboard.press("Control+z");
  await expect.poll(() => documentText(levan.page)).not.toContain("Mine to undo.");
  expect(await documentText(levan.page)).toContain("Levan keeps this. ");
  await expect.poll(() => documentText(eka.page)).not.toContain("Mine to undo.");
  expect(await documentText(eka.page)).toContain("Levan keeps this. ");
});

test("a commenter cannot change the text: nothing changes for anyone, after a reload too", async ({
  browser,
}) => {
  const mariam = await openEditor(browser, MARIAM, UP_TO_DATE);
  const eka = await openEditor(browser, EKA);
  await expect(
    mariam.page.getByText(
      "You can read this workplan, comment and suggest changes; only editors and coordinators change the text",
    ),
  ).toBeVisible();
  await expect(mariam.page.getByRole("toolbar")).toHaveCount(0);
  // the text stays a caret-and-selection surface (read-only-keyboard.spec), marked read-only
  await expect(editorOf(mariam.page)).toHaveAttribute("aria-readonly", "true");
  const card = mariam.page.locator(".activity-card").first();
  await showDetails(card);
  await expect(card.getByLabel("Status", { exact: true })).toBeDisabled();
  await expect(card.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
  await expect(card.getByLabel("Add to locations")).toHaveCount(0);

  await typeAtStart(mariam.page, "Commenter was here");
  await mariam.page.keyboard.press("Enter");
  await mariam.page.keyboard.type("/");
  await expect(mariam.page.locator(".slash-menu")).toHaveCount(0);

  // an edit that does travel proves the commenter's page is live when we look
  await typeAtStart(eka.page, "Sentinel from Eka. ");
  await expect.poll(() => documentText(mariam.page)).toContain("Sentinel from Eka.");
  expect(await documentText(mariam.page)).not.toContain("Commenter was here");
  expect(await documentText(eka.page)).not.toContain("Commenter was here");

  await mariam.page.reload();
  await expect(connection(mariam.page)).toHaveText(UP_TO_DATE);
  await expect.poll(() => documentText(mariam.page)).toContain("Sentinel from Eka.");
  expect(await documentText(mariam.page)).not.toContain("Commenter was here");
  await eka.page.reload();
  await expect(connection(eka.page)).toHaveText(SAVED);
  await expect.poll(() => documentText(eka.page)).toContain("Sentinel from Eka.");
  expect(await documentText(eka.page)).not.toContain("Commenter was here");
});

test("an edit made offline survives a reload and reaches the others when the connection returns", async ({
  browser,
}) => {
  const eka = await openEditor(browser, EKA);
  // the service worker must control the page before it can serve it without a network; a second
  // visit then caches the API answers the page needs
  await eka.page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await expect
    .poll(() => eka.page.evaluate(() => navigator.serviceWorker.controller !== null))
    .toBe(true);
  await eka.page.reload();
  await expect(connection(eka.page)).toHaveText(SAVED);
  const levan = await openEditor(browser, LEVAN);

  await eka.context.setOffline(true);
  await expect(connection(eka.page)).toHaveText(OFFLINE);
  await typeAtStart(eka.page, "Drafted on the train. ");
  await expect.poll(() => documentText(eka.page)).toContain("Drafted on the train. ");
  await localWritesSettled(eka.page);

  // offline, the page's scripts come from the service worker's cache, the one index.html runs
  // before the app's modules too (without it zod would probe eval, which the CSP forbids)
  await recordCspViolations(eka.context);
  await eka.page.reload();
  await expect(connection(eka.page)).toHaveText(OFFLINE);
  await expect.poll(() => documentText(eka.page)).toContain("Drafted on the train. ");
  await expectNoCspViolations(eka.page, "the editor reloaded offline");

  await eka.context.setOffline(false);
  await expect(connection(eka.page)).toHaveText(SAVED);
  await expect.poll(() => documentText(levan.page)).toContain("Drafted on the train. ");
});

test("the editor has no serious or critical accessibility violations, for editors and commenters", async ({
  browser,
}) => {
  const eka = await openEditor(browser, EKA);
  const mariam = await openEditor(browser, MARIAM, UP_TO_DATE);
  await typeAtStart(eka.page, "A caret for the others. ");
  await expect(mariam.page.locator(".collaboration-carets__caret")).toHaveCount(1);
  for (const page of [eka.page, mariam.page]) {
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => ({ id: v.id, help: v.help, targets: v.nodes.slice(0, 5).map((n) => n.target) }));
    expect(serious, JSON.stringify(serious, null, 2)).toEqual([]);
  }
});

test("pasted activities get fresh ids while the originals keep theirs, through undo and redo", async ({
  browser,
}) => {
  const eka = await openEditor(browser, EKA);
  const original = await activityIds(eka.page);
  expect(original.length).toBeGreaterThan(0);

  await editorOf(eka.page).focus();
  await eka.page.keyboard.press("Control+a");
  const copied = await copySelection(eka.page);
  await eka.page.keyboard.press("Control+Home");
  await eka.page.keyboard.press("End");
  await eka.page.keyboard.press("Enter");
  await paste(eka.page, copied);
  await expect.poll(async () => (await activityIds(eka.page)).length).toBe(original.length * 2);
  const pasted = await activityIds(eka.page);
  expect(new Set(pasted).size).toBe(pasted.length);
  // the copies come first in the document; the blocks others refer to keep their ids
  expect(pasted.slice(original.length)).toEqual(original);

  await eka.page.keyboard.press("Control+z");
  await expect.poll(() => activityIds(eka.page)).toEqual(original);
  await eka.page.keyboard.press("Control+Shift+z");
  await expect.poll(async () => (await activityIds(eka.page)).length).toBe(original.length * 2);
  const redone = await activityIds(eka.page);
  expect(new Set(redone).size).toBe(redone.length);

  const levan = await openEditor(browser, LEVAN);
  await expect.poll(() => activityIds(levan.page)).toEqual(redone);
});

type Clipboard = { html: string; text: string };

/**
 * Copies the selection as Ctrl+C does, through the editor's own copy handler. Not with the keys:
 * every browser on the machine shares one system clipboard, so a test running beside this one that
 * copies a link would have its link pasted here.
 */
function copySelection(page: Page): Promise<Clipboard> {
  return editorOf(page).evaluate((element) => {
    const data = new DataTransfer();
    element.dispatchEvent(
      new ClipboardEvent("copy", { clipboardData: data, bubbles: true, cancelable: true }),
    );
    return { html: data.getData("text/html"), text: data.getData("text/plain") };
  });
}

/** Pastes what `copySelection` copied at the caret, as Ctrl+V does. */
async function paste(page: Page, { html, text }: Clipboard): Promise<void> {
  expect(html, "the copy put nothing on the clipboard").not.toBe("");
  await editorOf(page).evaluate(
    (element, copied) => {
      const data = new DataTransfer();
      data.setData("text/html", copied.html);
      data.setData("text/plain", copied.text);
      element.dispatchEvent(
        new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { html, text },
  );
}

/** The grey hint a block shows while it is empty, as drawn; "" when it shows none. */
function hintOf(block: Locator): Promise<string> {
  return block.evaluate((element) => {
    const content = getComputedStyle(element, "::before").content;
    return content === "none" || content === "normal" ? "" : content.replace(/^"|"$/g, "");
  });
}

test("an inserted activity shows hints in its empty title and description until they are typed in", async ({
  browser,
}) => {
  const eka = await openEditor(browser, EKA);
  await editorOf(eka.page).focus();
  await eka.page.keyboard.press("Control+Home");
  await eka.page.getByRole("button", { name: "Activity", exact: true }).click();
  const inserted = eka.page.locator(".activity-card", {
    has: eka.page.locator(".activity-title.is-empty"),
  });
  await expect(inserted).toHaveCount(1);
  const card = eka.page.locator(`#${await inserted.getAttribute("id")}`);
  const title = card.locator(".activity-title");
  const description = card.locator(".activity-description p").first();
  await expect.poll(() => hintOf(title)).toBe("Activity title");
  await expect.poll(() => hintOf(description)).toBe("What will be done, with whom, and why");

  await eka.page.keyboard.type("Map");
  await expect.poll(() => hintOf(title)).toBe("");
  await expect.poll(() => hintOf(description)).toBe("What will be done, with whom, and why");
  for (let i = 0; i < 3; i++) await eka.page.keyboard.press("Backspace");
  await expect.poll(() => hintOf(title)).toBe("Activity title");

  await eka.page.keyboard.press("Enter");
  await eka.page.keyboard.type("Shelters");
  await expect.poll(() => hintOf(description)).toBe("");
  // no other field shows a hint: every other activity has its title
  await expect(eka.page.locator(".activity-title.is-empty")).toHaveCount(1);
  await expect(card.locator(".activity-title")).toHaveClass(/is-empty/);
});

test("the document's paper shows a focus ring while the document has the caret", async ({
  browser,
}) => {
  const eka = await openEditor(browser, EKA);
  const paper = eka.page.locator(".editor-paper");
  const ring = () => paper.evaluate((element) => getComputedStyle(element).boxShadow);
  const resting = await ring();
  await editorOf(eka.page).focus();
  await expect.poll(ring).not.toBe(resting);
  expect(await ring()).toContain("0px 0px 0px 3px");
  await eka.page.getByRole("button", { name: "Activity", exact: true }).focus();
  await expect.poll(ring).toBe(resting);
});

test("an activity inserted near the top while a teammate types further down loses nobody's words", async ({
  browser,
}) => {
  const eka = await openEditor(browser, EKA);
  const levan = await openEditor(browser, LEVAN);
  const lastTitle = levan.page.locator(".activity-title").last();
  await lastTitle.click();
  await levan.page.keyboard.press("End");
  await editorOf(eka.page).focus();
  await eka.page.keyboard.press("Control+Home");
  await Promise.all([
    (async () => {
      await eka.page.getByRole("button", { name: "Activity", exact: true }).click();
      await eka.page.keyboard.type("Inserted by Eka");
    })(),
    levan.page.keyboard.type(" (typed by Levan)"),
  ]);
  for (const page of [eka.page, levan.page]) {
    await expect.poll(() => documentText(page)).toContain("Inserted by Eka");
    await expect.poll(() => documentText(page)).toContain(" (typed by Levan)");
  }
  await expect
    .poll(async () => (await documentText(eka.page)) === (await documentText(levan.page)))
    .toBe(true);
  const ids = await activityIds(levan.page);
  expect(new Set(ids).size).toBe(ids.length);
});
