import { type Browser, type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { openWorkplan, signInViaApi } from "../support/session";

const WORKPLAN = "wp-scmi-2022-2023";
const NETWORK = "un-network-georgia";
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
  // the thread lists its task for everyone reading it, live
  const taskLine = /Task created by Tamar Kapanadze for Eka Lomidze.*Which regions/;
  await expect(tamarThread.locator(".comment-task")).toHaveText(taskLine);
  await expect(ekaThread.locator(".comment-task")).toHaveText(taskLine);
  await expect(mariamThread.locator(".comment-task")).toHaveText(taskLine);
  await expect(mariamThread.locator(".comment-task")).toContainText("Open");

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

type ApiThread = { id: string; comments: { id: string; body: string }[] };

/** A signed-in API client for one demo user, in a context closed after the test. */
async function apiAs(browser: Browser, email: string) {
  const context = await browser.newContext();
  contexts.push(context);
  await signInViaApi(context, server.url, email);
  return async <T>(method: string, path: string, data?: unknown): Promise<T> => {
    const response = await context.request.fetch(`${server.url}${path}`, {
      method,
      data,
      headers: { Origin: server.url },
    });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (response.status() === 204 ? null : await response.json()) as T;
  };
}

/** A thread the commenter starts on the workplan's first activity, through the API. */
async function threadByMariam(browser: Browser, body: string): Promise<ApiThread> {
  const mariam = await apiAs(browser, MARIAM);
  const [first] = await mariam<{ id: string }[]>("GET", `/api/workplans/${WORKPLAN}/activities`);
  return mariam<ApiThread>("POST", `/api/workplans/${WORKPLAN}/threads`, {
    activityId: first?.id,
    body,
  });
}

test("a coordinator removes someone else's message; everyone sees it was removed by a coordinator", async ({
  browser,
}) => {
  const question = "Is the venue accessible?";
  const answer = "Yes, with a ramp at the side entrance.";
  const thread = await threadByMariam(browser, question);
  await (await apiAs(browser, EKA))("POST", `/api/threads/${thread.id}/comments`, { body: answer });

  const mariam = await openEditor(browser, MARIAM, "Connected · up to date");
  await mariam.getByRole("tab", { name: /Comments/ }).click();
  const tamar = await openEditor(browser, TAMAR, "Connected · saved");
  await tamar.getByRole("tab", { name: /Comments/ }).click();

  const tamarThread = tamar.locator(".comment-thread", { hasText: question });
  const message = tamarThread.locator(".comment", { hasText: answer });
  await expect(message.getByRole("button", { name: "Edit" })).toHaveCount(0);
  tamar.once("dialog", (dialog) => void dialog.accept());
  await message.getByRole("button", { name: "Remove the message by Eka Lomidze" }).click();

  const mariamThread = mariam.locator(".comment-thread", { hasText: question });
  await expect(mariamThread).toContainText("Message removed by a coordinator");
  await expect(mariamThread).not.toContainText(answer);
  // a commenter removes nobody else's message
  await expect(mariamThread.getByRole("button", { name: /^Remove/ })).toHaveCount(0);
});

test("after the event stream reconnects, the comments panel catches up on what it missed", async ({
  browser,
}) => {
  const question = "Who chairs the steering group?";
  const thread = await threadByMariam(browser, question);
  const context = await browser.newContext();
  contexts.push(context);
  await signInViaApi(context, server.url, MARIAM);
  // every connection to the stream ends at once: nothing arrives live, each reconnect catches up
  await context.route("**/api/events", (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/event-stream", "cache-control": "no-store" },
      body: "retry: 500\nevent: ready\ndata: {}\n\n",
    }),
  );
  const mariam = await context.newPage();
  await mariam.goto(`${server.url}/workplans/${WORKPLAN}`);
  await expect(mariam.locator(".connection")).toHaveText("Connected · up to date");
  await mariam.getByRole("tab", { name: /Comments/ }).click();
  const card = mariam.locator(".comment-thread", { hasText: question });
  await expect(card).toBeVisible();

  await (await apiAs(browser, EKA))("POST", `/api/threads/${thread.id}/comments`, {
    body: "Written while your stream was down.",
  });
  await expect(card).toContainText("Written while your stream was down.");
});

test("an archived workplan's comments can be read but not added to, with the reason shown", async ({
  browser,
}) => {
  const question = "Should this wait for the census?";
  await threadByMariam(browser, question);
  const tamar = await apiAs(browser, TAMAR);
  await tamar("PATCH", `/api/workplans/${WORKPLAN}`, { archived: true });
  try {
    const mariam = await openEditor(browser, MARIAM, "Connected · up to date");
    await mariam.getByRole("tab", { name: /Comments/ }).click();
    await expect(
      mariam.getByRole("note").filter({ hasText: "its comments can be read" }),
    ).toHaveText(
      /archived: its comments can be read, but no one can add, edit, resolve or reopen them/,
    );
    const card = mariam.locator(".comment-thread", { hasText: question });
    await expect(card).toBeVisible();
    await expect(card.getByRole("combobox", { name: "Reply" })).toHaveCount(0);
    await expect(card.getByRole("button", { name: /Resolve|Reopen/ })).toHaveCount(0);
    await expect(card.getByRole("button", { name: "Edit" })).toHaveCount(0);
    await expect(mariam.locator(".comment-button")).toHaveCount(0);
  } finally {
    await tamar("PATCH", `/api/workplans/${WORKPLAN}`, { archived: false });
  }
});

test("after the event stream reconnects, the tasks page and My work catch up on what they missed", async ({
  browser,
}) => {
  const context = await browser.newContext();
  contexts.push(context);
  await signInViaApi(context, server.url, EKA);
  await context.route("**/api/events", (route) =>
    route.fulfill({
      status: 200,
      headers: { "content-type": "text/event-stream", "cache-control": "no-store" },
      body: "retry: 500\nevent: ready\ndata: {}\n\n",
    }),
  );
  const eka = await context.newPage();
  await eka.goto(`${server.url}/networks/${NETWORK}/tasks`);
  await expect(eka.getByRole("heading", { name: "Tasks" })).toBeVisible();

  const title = "Send the venue's floor plan";
  const me = await (await apiAs(browser, EKA))<{ id: string }>("GET", "/api/me");
  await (await apiAs(browser, TAMAR))("POST", `/api/networks/${NETWORK}/tasks`, {
    title,
    assigneeId: me.id,
  });
  await expect(eka.getByRole("row", { name: new RegExp(title) })).toBeVisible();

  await eka
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /My work/ })
    .click();
  await expect(eka.getByRole("region", { name: /Tasks assigned to you/ })).toContainText(title);
});

test("every thread of a long discussion can be scrolled to in the side panel", async ({
  browser,
}) => {
  // the network's joint workplan carries more threads than one window shows
  const page = await openWorkplan(browser, {
    serverUrl: server.url,
    contexts,
    workplanId: "wp-network-2021-2023",
    email: EKA,
    connected: "Connected · saved",
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole("tab", { name: /Comments/ }).click();
  const threads = page.locator(".panel-comments > .comment-threads .comment-thread");
  await expect(threads).not.toHaveCount(0);
  const last = threads.last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  await expect(page.getByRole("heading", { name: /^Comments/ })).toBeInViewport();
});
