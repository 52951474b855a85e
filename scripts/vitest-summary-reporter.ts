import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

// CI reads one plain "N passed, N failed" line; the root test script sums the files written here,
// with the names of the tests that failed and of those that passed only when retried (CI retries
// once), so a red or flaky run says which test to look at.
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    const failedNames: string[] = [];
    const flakyNames: string[] = [];
    // the same package's tests run once per store: each run is counted and named on its own
    const store = process.env.JUNCTION_TEST_STORE;
    const suffix = store ? ` (on ${store})` : "";
    for (const module of modules) {
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) {
        failed++;
        failedNames.push(`${module.moduleId}${suffix}`);
      }
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        const name = `${module.relativeModuleId} > ${test.fullName}${suffix}`;
        if (state === "passed") {
          passed++;
          if (test.diagnostic()?.flaky) flakyNames.push(name);
        } else if (state === "failed") {
          failed++;
          failedNames.push(name);
        } else skipped++;
      }
    }
    failed += errors.length;
    for (const error of errors) failedNames.push(`unhandled error: ${String(error).slice(0, 200)}`);
    const name = `${process.env.npm_package_name ?? "vitest"}${store ? `-${store}` : ""}`;
    process.stdout.write(`\n[${name}] tests: ${passed} ok, ${failed} not ok, ${skipped} skipped\n`);
    const dir = process.env.JUNCTION_RESULTS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}-vitest.json`);
      writeFileSync(file, JSON.stringify({ passed, failed, skipped, failedNames, flakyNames }));
    }
  }
}
