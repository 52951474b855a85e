// First-page benchmark: the JavaScript a browser downloads for the sign-in page and, signed in,
// for the home page, gzipped, per interface language (the app and its lazy message files).
// Fails above the budget. Needs a built web app (pnpm --filter @junction/web build).
// Usage: pnpm bench:first-page
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium, type Page } from "playwright-core";
import { startServer } from "../server-process";

const BUDGET_KB = 150;
const SERVER_DIR = resolve(fileURLToPath(new URL("../../../apps/server", import.meta.url)));
const LANGUAGES = ["en", "fr", "ar"];

/** Gzipped bytes of every script the page fetched until it settled. */
async function scriptBytes(page: Page, open: () => Promise<void>): Promise<number> {
  const bodies: Promise<number>[] = [];
  page.on("response", (response) => {
    if (response.request().resourceType() !== "script") return;
    bodies.push(
      response.body().then(
        (body) => gzipSync(body).length,
        () => 0,
      ),
    );
  });
  await open();
  await page.waitForLoadState("networkidle");
  return (await Promise.all(bodies)).reduce((sum, bytes) => sum + bytes, 0);
}

const dataDir = mkdtempSync(join(tmpdir(), "junction-first-page-"));
const server = await startServer(SERVER_DIR, dataDir);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
const rows: { language: string; page: string; kb: number }[] = [];
try {
  for (const language of LANGUAGES) {
    const context = await browser.newContext({ locale: language, serviceWorkers: "block" });
    const login = await context.newPage();
    const loginBytes = await scriptBytes(login, async () => {
      await login.goto(`${server.url}/login`);
      await login.waitForSelector("input[type=password]");
    });
    rows.push({ language, page: "/login", kb: loginBytes / 1024 });
    await context.request.post(`${server.url}/api/auth/login`, {
      data: { email: "tamar.kapanadze@example.org", password: "junction-demo" },
      headers: { Origin: server.url },
    });
    const home = await context.newPage();
    const homeBytes = await scriptBytes(home, async () => {
      await home.goto(`${server.url}/`);
      await home.waitForSelector(".network-card");
    });
    rows.push({ language, page: "/ (signed in)", kb: homeBytes / 1024 });
    await context.close();
  }
} finally {
  await browser.close();
  server.child.kill("SIGTERM");
  rmSync(dataDir, { recursive: true, force: true });
}

console.log("language  page              JS gzip");
for (const row of rows) {
  console.log(
    `${row.language.padEnd(9)} ${row.page.padEnd(17)} ${row.kb.toFixed(1).padStart(7)} kB`,
  );
}
const worst = Math.max(...rows.map((row) => row.kb));
console.log(`largest first page: ${worst.toFixed(1)} kB gzip (budget ${BUDGET_KB} kB)`);
if (worst >= BUDGET_KB) process.exitCode = 1;
