import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, TestCase, TestResult } from "@playwright/test/reporter";

// CI reads one plain "N passed, N failed" line; the root test script sums the files written here.
export default class SummaryReporter implements Reporter {
  #outcomes = new Map<string, string>();

  onTestEnd(test: TestCase, result: TestResult): void {
    this.#outcomes.set(test.id, result.status);
  }

  onEnd(): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const status of this.#outcomes.values()) {
      if (status === "passed") passed++;
      else if (status === "skipped") skipped++;
      else failed++;
    }
    process.stdout.write(`\n[e2e] tests: ${passed} ok, ${failed} not ok, ${skipped} skipped\n`);
    const dir = process.env.JUNCTION_RESULTS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, "e2e-playwright.json"), JSON.stringify({ passed, failed, skipped }));
    }
  }
}
