import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Reporter, TestModule } from "vitest/node";

// CI reads one plain "N passed, N failed" line; the root test script sums the files written here.
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>, errors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of modules) {
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
      }
    }
    failed += errors.length;
    const name = process.env.npm_package_name ?? "vitest";
    process.stdout.write(`\n[${name}] tests: ${passed} ok, ${failed} not ok, ${skipped} skipped\n`);
    const dir = process.env.JUNCTION_RESULTS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}-vitest.json`);
      writeFileSync(file, JSON.stringify({ passed, failed, skipped }));
    }
  }
}
