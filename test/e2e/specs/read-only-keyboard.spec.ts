import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { signInViaApi } from "../support/session";

const WORKPLAN = "wp-scmi-2022-2023";
const MARIAM = "mariam.chikovani@example.org"; // commenter
const NINO = "nino.kiknadze@example.org"; // viewer

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

/** Every sync WebSocket the page opens, and the Yjs updates it sends (sync message, type 2). */
function watchSync(page: Page): { sockets: string[]; updatesSent: () => number } {
  const sockets: string[] = [];
  let updates = 0;
  page.on("websocket", (socket) => {
    if (!new URL(socket.url()).pathname.startsWith("/sync/")) return;
    sockets.push(socket.url());
    socket.on("framesent", ({ payload }) => {
      if (typeof payload !== "string" && payload[0] === 0 && payload[1] === 2) updates++;
    });
  });
  return { sockets, updatesSent: () => updates };
}

async function tabUntil(page: Page, key: "Tab" | "Shift+Tab", isTarget: () => Promise<boolean>) {
  for (let i = 0; i < 80; i++) {
    if (await isTarget()) return;
    await page.keyboard.press(key);
  }
  throw new Error(`${key} never reached the target`);
}

const documentFocused = (page: Page) => () =>
  page.evaluate(() => document.activeElement?.classList.contains("editor-document") ?? false);

test("a commenter reaches the document with Tab, selects with Shift+Arrow, changes nothing, and comments without a mouse", async ({
  browser,
}) => {
  const context = await browser.newContext();
  contexts.push(context);
  await signInViaApi(context, server.url, MARIAM);
  const page = await context.newPage();
  const sync = watchSync(page);
  await page.goto(`${server.url}/workplans/${WORKPLAN}`);
  await expect(page.locator(".connection")).toHaveText("Connected · up to date");
  const editor = page.locator(".editor-document");
  await expect(editor).toHaveAttribute("aria-readonly", "true");
  const before = await editor.textContent();

  await page.locator("h1").first().click();
  await tabUntil(page, "Tab", documentFocused(page));
  const commentButton = page.locator(".comment-button");
  await expect(commentButton).toBeDisabled();
  for (let i = 0; i < 12; i++) await page.keyboard.press("Shift+ArrowRight");
  const selected = await page.evaluate(() => document.getSelection()?.toString() ?? "");
  expect(selected.trim().length).toBeGreaterThan(0);
  await expect(commentButton).toBeEnabled();

  // keys that would edit do nothing, on the page or in the shared document
  await page.keyboard.type("typed by a commenter");
  for (const key of ["Backspace", "Delete", "Enter", "Control+b", "Control+x", "Control+v"]) {
    await page.keyboard.press(key);
  }
  await expect(editor).not.toContainText("typed by a commenter");
  expect(await editor.textContent()).toBe(before);
  expect(sync.updatesSent()).toBe(0);

  // the selection is still there, and Comment is a Shift+Tab away
  for (let i = 0; i < 12; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(commentButton).toBeEnabled();
  await tabUntil(page, "Shift+Tab", () =>
    commentButton.evaluate((b) => b === document.activeElement),
  );
  await page.keyboard.press("Enter");
  await expect(page.locator(".comment-draft")).toBeVisible();
  expect(sync.updatesSent()).toBe(0);
});

test("a viewer can select with the keyboard too, and one open makes one sync connection", async ({
  browser,
}) => {
  const context = await browser.newContext();
  contexts.push(context);
  await signInViaApi(context, server.url, NINO);
  const page = await context.newPage();
  const sync = watchSync(page);
  await page.goto(`${server.url}/workplans/${WORKPLAN}`);
  await expect(page.locator(".connection")).toHaveText("Connected · up to date");
  await page.locator("h1").first().click();
  await tabUntil(page, "Tab", documentFocused(page));
  await page.keyboard.press("Shift+End");
  const selected = await page.evaluate(() => document.getSelection()?.toString() ?? "");
  expect(selected.length).toBeGreaterThan(0);
  expect(sync.sockets).toEqual([`${server.url.replace("http", "ws")}/sync/${WORKPLAN}`]);
  expect(sync.updatesSent()).toBe(0);
});
