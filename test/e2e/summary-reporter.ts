import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, TestCase } from "@playwright/test/reporter";

// CI reads one plain "N passed, N failed" line; the root test script sums the files written here,
// with the names of the tests that failed and of those that passed only when retried (CI retries
// once), so a red or flaky run says which test to look at.
export default class SummaryReporter implements Reporter {
  #tests = new Map<string, TestCase>();

  onTestEnd(test: TestCase): void {
    this.#tests.set(test.id, test);
  }

  onEnd(): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const failedNames: string[] = [];
    const flakyNames: string[] = [];
    // the suite runs once per store: each run is counted and named on its own
    const store = process.env.JUNCTION_TEST_STORE;
    for (const test of this.#tests.values()) {
      const name = `${test.location.file.split(/[\\/]/).slice(-2).join("/")} > ${test.title}${store ? ` (on ${store})` : ""}`;
      const outcome = test.outcome();
      if (outcome === "skipped") skipped++;
      else if (outcome === "unexpected") {
        failed++;
        failedNames.push(name);
      } else {
        passed++;
        if (outcome === "flaky") flakyNames.push(name);
      }
    }
    const label = store ? `e2e-${store}` : "e2e";
    process.stdout.write(
      `\n[${label}] tests: ${passed} ok, ${failed} not ok, ${skipped} skipped\n`,
    );
    const dir = process.env.JUNCTION_RESULTS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(
        join(dir, `${label}-playwright.json`),
        JSON.stringify({ passed, failed, skipped, failedNames, flakyNames }),
      );
    }
  }
}
