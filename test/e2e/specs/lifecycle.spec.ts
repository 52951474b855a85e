import { type BrowserContext, expect, type Page, test } from "@playwright/test";
import { documentText, editorOf } from "../support/editor";
import { type RunningServer, startServer } from "../support/server";
import { openWorkplan } from "../support/session";

const WORKPLAN = "wp-network-2021-2023"; // seeded in consultation
const TAMAR = "tamar.kapanadze@example.org"; // coordinator, IOM
const EKA = "eka.lomidze@example.org"; // editor, UNICEF (leads activities in this plan)
const SAVED = "Connected · saved";
const UP_TO_DATE = "Connected · up to date";

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

function banner(page: Page) {
  return page.getByRole("region", { name: /^Stage: / });
}

test("a coordinator takes the plan to adoption while an editor watches it freeze, then opens a revision", async ({
  browser,
}) => {
  const tamar = await openWorkplan(browser, {
    serverUrl: server.url,
    contexts,
    workplanId: WORKPLAN,
    email: TAMAR,
    connected: SAVED,
  });
  const eka = await openWorkplan(browser, {
    serverUrl: server.url,
    contexts,
    workplanId: WORKPLAN,
    email: EKA,
    connected: SAVED,
  });
  const ekaSockets: string[] = [];
  eka.on("websocket", (socket) => {
    if (socket.url().includes("/sync/")) ekaSockets.push(socket.url());
  });
  await expect(banner(eka)).toContainText("Consultation: commenters are invited");

  // back to draft: the reason is required
  await banner(tamar).getByRole("button", { name: "Move back…" }).click();
  const back = tamar.getByRole("dialog", { name: "Move the plan back" });
  await back.getByRole("button", { name: "Back to draft" }).click();
  await expect(back.getByText("A reason is required to move a plan back.")).toBeVisible();
  await back.getByLabel("Reason").fill("The budget section is not finished");
  await back.getByRole("button", { name: "Back to draft" }).click();
  await expect(back).toBeHidden();
  await expect(banner(eka)).toContainText("Draft: members write the plan together");

  // consultation with a deadline, seen live by the editor
  await banner(tamar).getByRole("button", { name: "Send for consultation…" }).click();
  const consult = tamar.getByRole("dialog", { name: "Send for consultation?" });
  const year = new Date().getFullYear() + 1;
  await consult.getByLabel("Comments invited until").fill(`${year}-03-15`);
  await consult.getByRole("button", { name: "Send for consultation" }).click();
  await expect(banner(eka)).toContainText(
    `Consultation: commenters are invited until 15 March ${year}`,
  );

  // validation: the editor objects for UNICEF in the validation panel
  await banner(tamar).getByRole("button", { name: "Send for validation…" }).click();
  await tamar
    .getByRole("dialog", { name: "Send for validation?" })
    .getByRole("button", { name: "Send for validation" })
    .click();
  await expect(banner(eka)).toContainText("Validation: each lead organisation approves its part");
  await banner(eka).getByRole("button", { name: "See the answers" }).click();
  const panel = eka.getByRole("tabpanel");
  await panel.getByRole("button", { name: "Object…" }).click();
  await panel
    .getByLabel("What must change before UNICEF approves")
    .fill("The child protection activity must name UNICEF as partner");
  await panel.getByRole("button", { name: "Object", exact: true }).click();
  await expect(panel.getByText("Your organisation, UNICEF: objects")).toBeVisible();
  await expect(banner(tamar)).toContainText("1 objection");

  // adopting while the objection stands: the coordinator overrules it with a reason
  await banner(tamar).getByRole("button", { name: "Adopt the plan…" }).click();
  const adopt = tamar.getByRole("dialog", { name: "Adopt the plan?" });
  await expect(adopt).toContainText("UNICEF objects to the plan");
  await adopt.getByRole("button", { name: "Overrule and adopt" }).click();
  await expect(adopt.getByRole("alert")).toContainText("A reason is needed");
  await adopt
    .getByLabel("Reason for overruling")
    .fill("Agreed at the network meeting: the partner is added in the next revision");
  await adopt.getByRole("button", { name: "Overrule and adopt" }).click();
  await expect(adopt).toBeHidden();

  // the editor's editor turns read-only live, with the adopted banner, on the same socket
  await expect(banner(eka)).toContainText(/Adopted on \d{1,2} \w+ \d{4} — this plan is frozen/);
  await expect(editorOf(eka)).toHaveAttribute("aria-readonly", "true");
  await expect(eka.getByRole("note")).toContainText("adopted and frozen");
  await expect(eka.locator(".connection")).toHaveText(UP_TO_DATE);
  const before = await documentText(eka);
  await editorOf(eka).focus();
  await expect(editorOf(eka)).toBeFocused();
  await eka.keyboard.press("Control+Home");
  await eka.keyboard.type("Sneaky edit. ");
  expect(await documentText(eka)).toBe(before);
  await expect(eka.locator(".connection")).toHaveText(UP_TO_DATE);
  expect(ekaSockets).toEqual([]);

  // a new revision: a draft holding the adopted text, linked back, that the coordinator edits
  await banner(tamar).getByRole("button", { name: "Open a new revision…" }).click();
  await tamar
    .getByRole("dialog", { name: "Open a new revision" })
    .getByRole("button", { name: "Open the revision" })
    .click();
  await expect(tamar).not.toHaveURL(new RegExp(`/workplans/${WORKPLAN}$`));
  await expect(banner(tamar)).toContainText("Draft: members write the plan together");
  await expect(
    banner(tamar).getByRole("link", { name: /^Revision of “.*” adopted / }),
  ).toBeVisible();
  await expect(tamar.locator(".connection")).toHaveText(SAVED);
  await editorOf(tamar).focus();
  await tamar.keyboard.press("Control+Home");
  await tamar.keyboard.type("Revised in 2027. ");
  await expect(tamar.locator(".connection")).toHaveText(SAVED);
  expect(await documentText(tamar)).toContain("Revised in 2027. ");

  // the adopted plan now points its readers at the revision
  await expect(banner(eka)).toContainText("A newer revision exists");
});
