import { readFileSync } from "node:fs";
import { docxParagraphs, unzipText } from "@junction/exports/testing";
import { expect, type Page, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { signInViaApi } from "../support/session";

const NETWORK = "un-network-georgia";
const WORKPLAN = "wp-scmi-2022-2023";
const NINO = "nino.kiknadze@example.org"; // viewer: may export what she may read

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});

async function downloaded(page: Page, click: () => Promise<void>) {
  const download = page.waitForEvent("download");
  await click();
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

test("a viewer downloads the workplan as Word and the network as Excel, and opens the coverage", async ({
  page,
}) => {
  await signInViaApi(page.context(), server.url, NINO);
  const activities = (await (
    await page.request.get(`${server.url}/api/workplans/${WORKPLAN}/activities`)
  ).json()) as { title: string }[];

  await page.goto(`${server.url}/workplans/${WORKPLAN}`);
  await page.getByRole("button", { name: "Export" }).click();
  const dialog = page.getByRole("dialog", { name: "Export this workplan" });
  await dialog.getByLabel(/Word document/).check();
  const docx = await downloaded(page, () =>
    dialog.getByRole("button", { name: "Download" }).click(),
  );
  expect(docx.name).toMatch(/^state-migration-strategy-.*\.docx$/);
  await expect(dialog.locator(".download-status")).toContainText(docx.name);
  const text = docxParagraphs(docx.bytes).join("\n");
  for (const activity of activities) expect(text).toContain(activity.title);
  await dialog.getByRole("button", { name: "Close" }).click();

  await page.goto(`${server.url}/networks/${NETWORK}/exports`);
  await page.getByLabel(/Excel 4W matrix/).check();
  const xlsx = await downloaded(page, () => page.getByRole("button", { name: "Download" }).click());
  expect(xlsx.name).toMatch(/^un-network-on-migration-georgia-.*\.xlsx$/);
  const sheet = unzipText(xlsx.bytes)["xl/worksheets/sheet1.xml"] ?? "";
  for (const activity of activities) expect(sheet).toContain(activity.title.replace(/&/g, "&amp;"));
  // a viewer reads the IATI settings but cannot change them
  await expect(page.getByText("Only coordinators change these settings.")).toBeVisible();

  await page.getByRole("link", { name: "Coverage", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Coverage" })).toBeVisible();
  const table = page.getByRole("table");
  await expect(table.getByRole("rowheader")).toHaveCount(23);
  const first = activities[0]?.title ?? "";
  await expect(table.getByRole("link", { name: first }).first()).toBeVisible();
  await page.getByLabel("Status").selectOption("cancelled");
  await expect(page).toHaveURL(/status=cancelled/);
  await expect(page.getByText("No activity matches these filters")).toBeVisible();
});
