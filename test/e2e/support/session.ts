import {
  type Browser,
  type BrowserContext,
  expect,
  type Locator,
  type Page,
} from "@playwright/test";

export const DEMO_PASSWORD = "junction-demo";

/** Signs a context in through the API, as the login page would, and keeps its session cookie. */
export async function signInViaApi(context: BrowserContext, serverUrl: string, email: string) {
  const response = await context.request.post(`${serverUrl}/api/auth/login`, {
    data: { email, password: DEMO_PASSWORD },
    headers: { Origin: serverUrl },
  });
  expect(response.ok()).toBe(true);
}

/** Signs in through the login page and waits for the app shell. */
export async function signInViaPage(page: Page, serverUrl: string, email: string) {
  await page.goto(`${serverUrl}/login`);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: /sign in/i }).click();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
}

/** A new signed-in context with a workplan open, once its connection state reads `connected`. */
export async function openWorkplan(
  browser: Browser,
  options: {
    serverUrl: string;
    contexts: BrowserContext[];
    workplanId: string;
    email: string;
    connected: string;
  },
): Promise<Page> {
  const context = await browser.newContext();
  options.contexts.push(context);
  await signInViaApi(context, options.serverUrl, options.email);
  const page = await context.newPage();
  await page.goto(`${options.serverUrl}/workplans/${options.workplanId}`);
  await expect(page.locator(".connection")).toHaveText(options.connected);
  return page;
}

/** Opens an activity card's full form (cards show a summary line until then). */
export async function showDetails(card: Locator) {
  const toggle = card.locator(".activity-toggle").first();
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
}
