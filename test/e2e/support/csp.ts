import { type BrowserContext, expect, type Page } from "@playwright/test";

type Recorded = { __cspViolations?: string[] };

/** Records every Content-Security-Policy violation of the context's pages, from their first script. */
export async function recordCspViolations(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const recorded: string[] = [];
    (window as Recorded).__cspViolations = recorded;
    document.addEventListener("securitypolicyviolation", (event) => {
      recorded.push(`${event.violatedDirective} blocked ${event.blockedURI || "(inline)"}`);
    });
  });
}

/** Fails when the page, since it loaded, broke the server's Content-Security-Policy. */
export async function expectNoCspViolations(page: Page, where: string): Promise<void> {
  const violations = await page.evaluate(() => (window as Recorded).__cspViolations ?? []);
  expect(violations, `${where}: Content-Security-Policy violations`).toEqual([]);
}
