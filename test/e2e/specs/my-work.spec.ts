import { type Browser, expect, type Page, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { signInViaPage } from "../support/session";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

async function signIn(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signInViaPage(page, server.url, email);
  return page;
}

test("a coordinator assigns the editor a task, who is told live and marks it done from My work", async ({
  browser,
}) => {
  const editor = await signIn(browser, "eka.lomidze@example.org");
  await editor
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: /My work/ })
    .click();
  await expect(editor.getByRole("heading", { name: "My work" })).toBeVisible();
  const tasks = editor.getByRole("region", { name: /Tasks assigned to you/ });
  await expect(tasks).toContainText("Agree one curriculum and SOP for the border trainings");
  await expect(tasks).toContainText("Overdue");

  // start from a quiet bell, so the next notification is the only unread one
  const bell = editor.getByRole("button", { name: /^Notifications/ });
  await bell.click();
  const panel = editor.getByRole("region", { name: "Notifications" });
  const markAll = panel.getByRole("button", { name: "Mark all as read" });
  if (await markAll.isEnabled()) await markAll.click();
  await expect(editor.getByRole("button", { name: "Notifications" })).toBeVisible();
  await editor.keyboard.press("Escape");

  const coordinator = await signIn(browser, "tamar.kapanadze@example.org");
  await coordinator.goto(`${server.url}/networks/un-network-georgia/tasks`);
  await expect(coordinator.getByRole("heading", { name: "Tasks" })).toBeVisible();
  await coordinator.getByRole("button", { name: "New task" }).click();
  const dialog = coordinator.getByRole("dialog", { name: "New task" });
  await dialog.getByLabel("Title").fill("Translate the referral leaflet into Georgian");
  const assignee = dialog.getByLabel("Assignee");
  const eka = await assignee.locator("option", { hasText: "Eka Lomidze" }).getAttribute("value");
  await assignee.selectOption(eka ?? "");
  await dialog.getByRole("button", { name: "Create task" }).click();
  await expect(dialog).toBeHidden();
  await expect(coordinator.getByRole("table")).toContainText(
    "Translate the referral leaflet into Georgian",
  );

  // no reload: the bell and My work follow the server's events
  await expect(editor.getByRole("button", { name: "Notifications, 1 unread" })).toBeVisible();
  await expect(tasks).toContainText("Translate the referral leaflet into Georgian");

  await editor.getByRole("button", { name: "Notifications, 1 unread" }).click();
  await panel
    .getByRole("link", { name: /assigned you a task: Translate the referral leaflet/ })
    .click();
  await expect(editor).toHaveURL(/\/my-work#task-/);
  await expect(editor.getByRole("button", { name: "Notifications" })).toBeVisible();

  const status = tasks.getByLabel("Status of “Translate the referral leaflet into Georgian”");
  await status.selectOption("done");
  await expect(status).toHaveValue("done");
  await editor.reload();
  await expect(
    editor.getByLabel("Status of “Translate the referral leaflet into Georgian”"),
  ).toHaveValue("done");

  // the coordinator's table hears of it too
  const filters = coordinator.getByRole("group", { name: "Filter tasks" });
  await filters.getByRole("combobox").first().selectOption("all");
  const row = coordinator.getByRole("row", { name: /Translate the referral leaflet/ });
  await expect(row.getByRole("combobox")).toHaveValue("done");

  await Promise.all([editor.context().close(), coordinator.context().close()]);
});
