import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { openWorkplan } from "../support/session";

const WORKPLAN = "wp-scmi-2022-2023";
const MARIAM = "mariam.chikovani@example.org"; // commenter
const EKA = "eka.lomidze@example.org"; // editor, UNICEF
const TAMAR = "tamar.kapanadze@example.org"; // coordinator, IOM
const QUESTION = "Which regions does this cover?";
const ANSWER = "Tbilisi and Kutaisi first, then Batumi.";

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

/** Selects the first sentence of the first activity's description, as a mouse drag would. */
function selectFirstSentence(page: Page): Promise<string> {
  return page.evaluate(() => {
    const paragraph = document.querySelector(".activity-card .activity-description p");
    const text = paragraph?.firstChild;
    if (!text || text.nodeType !== Node.TEXT_NODE) throw new Error("no description text");
    const content = text.textContent ?? "";
    const stop = content.indexOf(". ");
    const end = stop > 0 ? stop + 1 : content.length;
    document.getSelection()?.setBaseAndExtent(text, 0, text, end);
    return content.slice(0, end);
  });
}

test("a commenter comments on a sentence; an editor replies; a coordinator makes it a task the editor is told of live", async ({
  browser,
}) => {
  const eka = await openEditor(browser, EKA, "Connected · saved");
  await eka.getByRole("tab", { name: /Comments/ }).click();
  const mariam = await openEditor(browser, MARIAM, "Connected · up to date");

  const sentence = await selectFirstSentence(mariam);
  expect(sentence.length).toBeGreaterThan(10);
  const commentButton = mariam.locator(".comment-button");
  await expect(commentButton).toBeEnabled();
  await commentButton.click();
  const draft = mariam.locator(".comment-draft");
  await expect(draft).toContainText(sentence);
  await draft.getByRole("combobox", { name: "New comment" }).fill(QUESTION);
  await draft.getByRole("button", { name: "Comment", exact: true }).click();
  await expect(draft).toHaveCount(0);

  const ekaThread = eka.locator(".comment-thread", { hasText: QUESTION });
  await expect(ekaThread).toBeVisible();
  await expect(ekaThread).toContainText(sentence);
  await expect(ekaThread).toContainText("Mariam");
  await expect(eka.locator(".comment-highlight").first()).toBeVisible();
  await expect
    .poll(() =>
      eka
        .locator(".comment-highlight")
        .evaluateAll((spans) => spans.map((s) => s.textContent).join("")),
    )
    .toContain(sentence);

  await ekaThread.getByRole("combobox", { name: "Reply" }).fill(ANSWER);
  await ekaThread.getByRole("button", { name: "Reply", exact: true }).click();
  await expect(ekaThread).toContainText(ANSWER);

  const mariamThread = mariam.locator(".comment-thread", { hasText: QUESTION });
  await expect(mariamThread).toContainText(ANSWER);
  await expect(mariamThread).toContainText("Eka");

  // start the editor from a quiet bell, so the task's notification is the only unread one
  const bell = eka.getByRole("button", { name: /^Notifications/ });
  await bell.click();
  const notifications = eka.getByRole("region", { name: "Notifications" });
  const markAll = notifications.getByRole("button", { name: "Mark all as read" });
  if (await markAll.isEnabled()) await markAll.click();
  await expect(eka.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
  await eka.keyboard.press("Escape");

  const tamar = await openEditor(browser, TAMAR, "Connected · saved");
  await tamar.getByRole("tab", { name: /Comments/ }).click();
  const tamarThread = tamar.locator(".comment-thread", { hasText: QUESTION });
  await expect(tamarThread).toContainText(ANSWER);
  await tamarThread.getByRole("button", { name: "Make a task" }).click();
  const dialog = tamar.getByRole("dialog", { name: "New task" });
  await expect(dialog.getByLabel("Title")).toHaveValue(QUESTION);
  const assignee = dialog.getByLabel("Assignee");
  const ekaId = await assignee.locator("option", { hasText: "Eka Lomidze" }).getAttribute("value");
  await assignee.selectOption(ekaId ?? "");
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expect(dialog).toBeHidden();
  await expect(tamarThread).toContainText("Task created for Eka Lomidze");

  // no reload: the editor's bell follows the server's events
  const unread = eka.getByRole("button", { name: "Notifications, 1 unread" });
  await expect(unread).toBeVisible();
  await unread.click();
  await expect(
    notifications.getByRole("link", { name: new RegExp(`assigned you a task: ${QUESTION}`) }),
  ).toBeVisible();
  await eka.keyboard.press("Escape");

  await eka
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /My work/ })
    .click();
  await expect(eka.getByRole("heading", { name: "My work" })).toBeVisible();
  await expect(eka.getByRole("region", { name: /Tasks assigned to you/ })).toContainText(QUESTION);
});
