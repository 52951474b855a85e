import { type Browser, type BrowserContext, expect, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { signInViaApi } from "../support/session";

const NETWORK = "un-network-georgia";
const WORKPLAN = "wp-scmi-2022-2023";
const TAMAR = "tamar.kapanadze@example.org"; // coordinator
const EKA = "eka.lomidze@example.org"; // editor
const MARIAM = "mariam.chikovani@example.org"; // commenter

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

async function signedIn(browser: Browser, email: string, width = 1280) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  contexts.push(context);
  await signInViaApi(context, server.url, email);
  const call = async <T>(method: string, path: string, data?: unknown): Promise<T> => {
    const response = await context.request.fetch(`${server.url}${path}`, {
      method,
      data,
      headers: { Origin: server.url },
    });
    expect(response.ok(), `${method} ${path}: ${await response.text()}`).toBe(true);
    return (response.status() === 204 ? null : await response.json()) as T;
  };
  return { page: await context.newPage(), call };
}

test("a resolved thread leaves “Threads for you” on My work for the Resolved group", async ({
  browser,
}) => {
  const mariam = await signedIn(browser, MARIAM);
  const members = await mariam.call<{ userId: string; email: string }[]>(
    "GET",
    `/api/networks/${NETWORK}/members`,
  );
  const eka = members.find((m) => m.email === EKA)?.userId ?? "";
  const [first] = await mariam.call<{ id: string }[]>(
    "GET",
    `/api/workplans/${WORKPLAN}/activities`,
  );
  const question = "Eka, can UNICEF host the second training?";
  const thread = await mariam.call<{ id: string }>("POST", `/api/workplans/${WORKPLAN}/threads`, {
    activityId: first?.id,
    body: question,
    mentions: [eka],
  });

  const { page } = await signedIn(browser, EKA);
  await page.goto(`${server.url}/my-work`);
  const threads = page.getByRole("region", { name: /Threads for you/ });
  await expect(threads.getByRole("listitem").filter({ hasText: question })).toBeVisible();

  await mariam.call("POST", `/api/threads/${thread.id}/resolve`);
  await page.reload();
  const resolved = threads.locator("details", { hasText: "Resolved" });
  await expect(resolved).toBeVisible();
  await expect(threads.locator("li:not(details li)", { hasText: question })).toHaveCount(0);
  await resolved.locator("summary").click();
  await expect(resolved.getByRole("listitem").filter({ hasText: question })).toContainText(
    "Resolved",
  );
});

test("a task made from a thread links back to it, from the task list and from My work", async ({
  browser,
}) => {
  const mariam = await signedIn(browser, MARIAM);
  const [first] = await mariam.call<{ id: string }[]>(
    "GET",
    `/api/workplans/${WORKPLAN}/activities`,
  );
  const question = "Who books the venue in Batumi?";
  const thread = await mariam.call<{ id: string }>("POST", `/api/workplans/${WORKPLAN}/threads`, {
    activityId: first?.id,
    body: question,
  });
  const tamar = await signedIn(browser, TAMAR);
  const members = await tamar.call<{ userId: string; email: string }[]>(
    "GET",
    `/api/networks/${NETWORK}/members`,
  );
  await tamar.call("POST", `/api/networks/${NETWORK}/tasks`, {
    title: "Book the Batumi venue",
    assigneeId: members.find((m) => m.email === EKA)?.userId,
    fromThreadId: thread.id,
  });

  await tamar.page.goto(`${server.url}/networks/${NETWORK}/tasks`);
  const row = tamar.page.getByRole("row", { name: /Book the Batumi venue/ });
  await row.getByRole("link", { name: "From a comment thread" }).click();
  await expect(tamar.page).toHaveURL(new RegExp(`/workplans/${WORKPLAN}#thread-${thread.id}`));
  const active = tamar.page.locator(`.comment-thread.is-active[data-thread-id="${thread.id}"]`);
  await expect(active).toContainText(question);

  const eka = await signedIn(browser, EKA);
  await eka.page.goto(`${server.url}/my-work`);
  const task = eka.page.getByRole("listitem").filter({ hasText: "Book the Batumi venue" });
  await task.getByRole("link", { name: "From a comment thread" }).click();
  await expect(
    eka.page.locator(`.comment-thread.is-active[data-thread-id="${thread.id}"]`),
  ).toContainText(question);
});

test("archiving a workplan asks first; cancelling keeps it", async ({ browser }) => {
  const { page } = await signedIn(browser, TAMAR);
  await page.goto(`${server.url}/networks/${NETWORK}`);
  const workplans = page.getByRole("region", { name: "Workplans" });
  const archive = workplans.getByRole("button", { name: /^Archive State Migration Strategy/ });
  await archive.click();
  const dialog = page.getByRole("dialog", { name: /Archive State Migration Strategy/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(archive).toBeVisible();
  await expect(workplans.locator("details.archived")).toHaveCount(0);

  await archive.click();
  await dialog.getByRole("button", { name: "Archive workplan" }).click();
  await expect(workplans.locator("details.archived")).toContainText("Archived (1)");
});

test("the header shows the whole network name at 1,440 px", async ({ browser }) => {
  const { page } = await signedIn(browser, TAMAR, 1440);
  await page.goto(`${server.url}/networks/${NETWORK}`);
  const name = page.locator(".app-header .network-name");
  await expect(name).toHaveText("UN Network on Migration – Georgia");
  const clipped = await name.evaluate((element) => element.scrollWidth > element.clientWidth);
  expect(clipped).toBe(false);
});
