import { type Browser, type BrowserContext, expect, test } from "@playwright/test";
import { type RunningServer, startServer } from "../support/server";
import { DEMO_PASSWORD, signInViaApi } from "../support/session";

const TAMAR = "tamar.kapanadze@example.org"; // coordinator, and instance administrator here
const LEVAN = "levan.gelashvili@example.org"; // editor
const NINO = "nino.kiknadze@example.org"; // viewer
const NEW_PASSWORD = "seven orange kites over the harbour";

let server: RunningServer;
const contexts: BrowserContext[] = [];

test.beforeAll(async () => {
  server = await startServer({ JUNCTION_ADMIN_EMAIL: TAMAR });
});
test.afterEach(async () => {
  for (const context of contexts.splice(0)) await context.close();
});
test.afterAll(async () => {
  await server.stop();
});

async function newContext(browser: Browser, email?: string): Promise<BrowserContext> {
  const context = await browser.newContext();
  contexts.push(context);
  if (email) await signInViaApi(context, server.url, email);
  return context;
}

async function signInWith(browser: Browser, email: string, password: string) {
  const page = await (await newContext(browser)).newPage();
  await page.goto(`${server.url}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: /sign in/i }).click();
  return page;
}

test("a member changes their password on My account; their other session is signed out", async ({
  browser,
}) => {
  const elsewhere = await (await newContext(browser, LEVAN)).newPage();
  await elsewhere.goto(`${server.url}/account`);
  await expect(elsewhere.getByRole("heading", { name: "My account" })).toBeVisible();

  const page = await (await newContext(browser, LEVAN)).newPage();
  await page.goto(`${server.url}/account`);
  const form = page.getByRole("region", { name: "Password" });
  await form.getByLabel("Current password").fill("not my password at all");
  await form.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await form.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText("That is not your current password.")).toBeVisible();

  await form.getByLabel("Current password").fill(DEMO_PASSWORD);
  await form.getByRole("button", { name: "Change password" }).click();
  await expect(form.getByText(/Your password was changed, and 1 other session/)).toBeVisible();
  await expect(
    page.getByRole("region", { name: "Sessions" }).getByRole("button", {
      name: "Sign out everywhere else",
    }),
  ).toBeDisabled();

  // the other browser is signed out; this one stays
  await elsewhere.reload();
  await expect(elsewhere).toHaveURL(/\/login/);
  await page.reload();
  await expect(page.getByRole("heading", { name: "My account" })).toBeVisible();

  const old = await signInWith(browser, LEVAN, DEMO_PASSWORD);
  await expect(old.getByText("That email and password do not match an account")).toBeVisible();
  const fresh = await signInWith(browser, LEVAN, NEW_PASSWORD);
  await expect(fresh.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("an administrator issues a reset link; the member sets a new password with it, once", async ({
  browser,
}) => {
  const member = await (await newContext(browser, NINO)).newPage();
  await member.goto(`${server.url}/my-work`);
  await expect(member.getByRole("heading", { name: "My work" })).toBeVisible();

  const admin = await (await newContext(browser, TAMAR)).newPage();
  await admin.goto(`${server.url}/networks/un-network-georgia/members`);
  await admin.getByRole("button", { name: "Password-reset link for Nino Kiknadze" }).click();
  const link = await admin.getByRole("textbox", { name: "Password-reset link" }).inputValue();
  expect(link).toContain("/password-reset/");

  const page = await (await newContext(browser)).newPage();
  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(page.getByText(NINO)).toBeVisible();
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByLabel("Repeat the new password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set the new password" }).click();
  await expect(page.getByRole("heading", { name: "Your password was changed" })).toBeVisible();

  // every session of the member ended
  await member.reload();
  await expect(member).toHaveURL(/\/login/);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "This link was already used" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();

  const signedIn = await signInWith(browser, NINO, NEW_PASSWORD);
  await expect(signedIn.getByRole("navigation", { name: "Main" })).toBeVisible();
});

test("“Forgot your password?” answers alike for any address, and says who can help without e-mail", async ({
  browser,
}) => {
  const page = await (await newContext(browser)).newPage();
  const answers: string[] = [];
  for (const email of ["eka.lomidze@example.org", "nobody.here@example.org"]) {
    await page.goto(`${server.url}/login`);
    await page.getByRole("link", { name: "Forgot your password?" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send the link" }).click();
    const answer = page.getByRole("status");
    await expect(answer).toContainText("administrator");
    answers.push((await answer.textContent()) ?? "");
  }
  expect(answers[0]).toBe(answers[1]);
});
