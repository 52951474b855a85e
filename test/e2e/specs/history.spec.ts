import { type BrowserContext, expect, test } from "@playwright/test";
import { documentText, editorOf } from "../support/editor";
import { type RunningServer, startServer } from "../support/server";
import { openWorkplan } from "../support/session";

const WORKPLAN = "wp-scmi-2022-2023"; // seeded as a draft
const TAMAR = "tamar.kapanadze@example.org"; // coordinator
const EKA = "eka.lomidze@example.org"; // editor
const SAVED = "Connected · saved";
const ADDED = "Added after the version was saved. ";

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

test("an editor saves a version and edits, the diff shows the change, a coordinator restores the version", async ({
  browser,
}) => {
  const eka = await openWorkplan(browser, {
    serverUrl: server.url,
    contexts,
    workplanId: WORKPLAN,
    email: EKA,
    connected: SAVED,
  });
  const tamar = await openWorkplan(browser, {
    serverUrl: server.url,
    contexts,
    workplanId: WORKPLAN,
    email: TAMAR,
    connected: SAVED,
  });

  // the editor saves a named version; it shows up for the coordinator live
  await eka.getByRole("tab", { name: "History" }).click();
  const ekaHistory = eka.getByRole("tabpanel");
  await ekaHistory.getByRole("button", { name: "Save version" }).click();
  await expect(ekaHistory.getByRole("alert")).toContainText("Give the version a name");
  await ekaHistory.getByLabel("Save this version as").fill("Before the partners' meeting");
  await ekaHistory.getByRole("button", { name: "Save version" }).click();
  await expect(ekaHistory.getByText("Before the partners' meeting", { exact: true })).toBeVisible();
  await expect(ekaHistory.getByRole("button", { name: /^Restore/ })).toHaveCount(0);

  await tamar.getByRole("tab", { name: "History" }).click();
  const tamarHistory = tamar.getByRole("tabpanel");
  await expect(
    tamarHistory.getByText("Before the partners' meeting", { exact: true }),
  ).toBeVisible();

  // the editor edits the document after the version
  await editorOf(eka).focus();
  await eka.keyboard.press("Control+Home");
  await eka.keyboard.type(ADDED);
  await expect(eka.locator(".connection")).toHaveText(SAVED);
  await expect.poll(() => documentText(tamar)).toContain(ADDED);

  // the diff shows the added words, attributed to the editor's organisation
  await tamarHistory
    .getByRole("button", { name: "Compare with now: “Before the partners' meeting”" })
    .click();
  const diff = tamar.getByRole("dialog", { name: "What changed" });
  await expect(diff).toContainText("From “Before the partners' meeting”");
  await expect(diff.locator("ins").first()).toContainText(ADDED.trim());
  await expect(diff).toContainText("By Eka Lomidze (UNICEF)");
  await diff.getByRole("button", { name: "Close" }).click();
  await expect(diff).toBeHidden();

  // the coordinator restores the version: the text goes, for the editor too
  await tamarHistory
    .getByRole("button", { name: "Restore “Before the partners' meeting”" })
    .click();
  const restore = tamar.getByRole("dialog", { name: "Restore “Before the partners' meeting”?" });
  await expect(
    restore.getByLabel("Save the document as it is now as a version first"),
  ).toBeChecked();
  await restore.getByRole("button", { name: "Restore" }).click();
  await expect(restore).toBeHidden();
  await expect(tamarHistory.getByText("Restored “Before the partners' meeting”.")).toBeVisible();
  await expect.poll(() => documentText(eka)).not.toContain(ADDED);
  await expect.poll(() => documentText(tamar)).not.toContain(ADDED);
  await expect(
    tamarHistory.getByText('Restored "Before the partners\' meeting"', { exact: true }),
  ).toBeVisible();
  await expect(
    tamarHistory.getByText("Before restoring “Before the partners' meeting”", { exact: true }),
  ).toBeVisible();
  await expect(eka.locator(".connection")).toHaveText(SAVED);
});
