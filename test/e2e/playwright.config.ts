import { defineConfig } from "@playwright/test";

// The PostgreSQL run (`pnpm test` after the SQLite one) repeats in the browser only what goes
// through the store in ways the server's own PostgreSQL tests cannot show: live editing through the
// update log, several processes on one database, stages and versions. Everything else in the
// browser is the same page on the same API, already run on SQLite: repeating it doubled CI's time.
const POSTGRES_SPECS = [
  "editor.spec.ts",
  "scale-out.spec.ts",
  "lifecycle.spec.ts",
  "history.spec.ts",
];

export default defineConfig({
  testDir: "./specs",
  ...(process.env.JUNCTION_TEST_STORE === "postgres"
    ? { testMatch: POSTGRES_SPECS.map((spec) => `**/${spec}`) }
    : {}),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // each spec file starts its own server on its own data (support/server.ts), so two files run at
  // once, one per core; the tests of one file share that server and run in order
  fullyParallel: false,
  workers: 2,
  // CI machines are shared and slow: a test that fails once is run once more, and named as flaky
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"], ["./summary-reporter.ts"]],
  use: {
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
    viewport: { width: 1280, height: 800 },
    trace: "off",
  },
});
