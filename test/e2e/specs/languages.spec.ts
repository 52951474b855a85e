import { expect, type Page, test } from "@playwright/test";
import { expectNoSeriousViolations } from "../support/axe";
import { editorOf } from "../support/editor";
import { type RunningServer, startServer } from "../support/server";
import { DEMO_PASSWORD, signInViaApi } from "../support/session";

const WORKPLAN = "wp-scmi-2022-2023";
const TAMAR = "tamar.kapanadze@example.org";

let server: RunningServer;
test.beforeAll(async () => {
  server = await startServer();
});
test.afterAll(async () => {
  await server.stop();
});
test.describe.configure({ mode: "serial" });

function html(page: Page) {
  return page.locator("html");
}

/** Nothing wider than the window: a clipped or overflowing layout shows up as a scroll bar. */
async function expectNoHorizontalOverflow(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

test("a French browser gets the sign-in page in French", async ({ browser }, testInfo) => {
  const context = await browser.newContext({ locale: "fr-FR" });
  const page = await context.newPage();
  await page.goto(`${server.url}/login`);
  await expect(page.getByRole("heading", { name: "Connexion" })).toBeVisible();
  await expect(html(page)).toHaveAttribute("lang", "fr");
  await expect(html(page)).toHaveAttribute("dir", "ltr");
  await expect(page).toHaveTitle("Connexion · Junction");
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath("fr-login.png"), fullPage: true });
  await expectNoSeriousViolations(page, "/login in French");

  await page.getByLabel("Adresse électronique").fill(TAMAR);
  await page.getByLabel("Mot de passe").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Se connecter" }).click();
  await expect(page.getByRole("heading", { name: "Vos réseaux" })).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Navigation principale" })).toBeVisible();
  await expect(page.getByText(/\d+ activités · mis à jour/).first()).toBeVisible();
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath("fr-home.png"), fullPage: true });
  await expectNoSeriousViolations(page, "/ in French");

  await page.goto(`${server.url}/workplans/${WORKPLAN}`);
  await expect(editorOf(page)).toBeVisible();
  await expect(html(page)).toHaveAttribute("lang", "fr");
  await page.screenshot({ path: testInfo.outputPath("fr-editor.png") });
  await context.close();
});

test("choosing Arabic in the account menu turns the interface right to left, and it stays", async ({
  browser,
}, testInfo) => {
  const context = await browser.newContext({ locale: "en-GB" });
  await signInViaApi(context, server.url, TAMAR);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await expect(page.getByRole("heading", { name: "Your networks" })).toBeVisible();
  await expect(html(page)).toHaveAttribute("dir", "ltr");

  await page.locator(".user-menu-button").click();
  await page.getByLabel("Language").selectOption("ar");
  await expect(html(page)).toHaveAttribute("lang", "ar");
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await expect(page.getByRole("heading", { name: "شبكاتك" })).toBeVisible();
  await expect(page).toHaveTitle("شبكاتك · Junction");
  await page.keyboard.press("Escape");

  // mirrored: the brand sits at the right edge of the header, the account menu at the left
  const brand = await page.locator(".brand").boundingBox();
  const menu = await page.locator(".user-menu-button").boundingBox();
  expect(brand && menu && brand.x > menu.x).toBe(true);
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath("ar-home.png"), fullPage: true });
  await expectNoSeriousViolations(page, "/ in Arabic");

  await page.reload();
  await expect(page.getByRole("heading", { name: "شبكاتك" })).toBeVisible();
  await expect(html(page)).toHaveAttribute("dir", "rtl");

  await page.goto(`${server.url}/workplans/${WORKPLAN}`);
  await expect(editorOf(page)).toBeVisible();
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  // a screen reader names each activity card in the interface's language too
  await expect(page.getByRole("article", { name: /^نشاط: / }).first()).toBeVisible();
  await expect(page.getByRole("article", { name: /^Activity: / })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath("ar-editor.png") });

  await page.locator(".user-menu-button").click();
  await page.getByRole("button", { name: "تسجيل الخروج" }).click();
  await expect(page.getByRole("heading", { name: "تسجيل الدخول" })).toBeVisible();
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await expectNoHorizontalOverflow(page);
  await page.screenshot({ path: testInfo.outputPath("ar-login.png"), fullPage: true });
  await expectNoSeriousViolations(page, "/login in Arabic");
  await context.close();
});

test("the account keeps the language: a new browser signed in as the same user gets Arabic", async ({
  browser,
}) => {
  const context = await browser.newContext({ locale: "en-GB" });
  await signInViaApi(context, server.url, TAMAR);
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  await expect(page.getByRole("heading", { name: "شبكاتك" })).toBeVisible();
  await expect(html(page)).toHaveAttribute("lang", "ar");
  await expect(html(page)).toHaveAttribute("dir", "rtl");
  await context.close();
});
