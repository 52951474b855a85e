// Runs every package's tests through turbo, then prints one plain line summing all runners.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const resultsDir = mkdtempSync(join(tmpdir(), "junction-results-"));
const run = spawnSync(
  "turbo",
  [
    "run",
    "test",
    "--log-prefix=none",
    "--log-order=grouped",
    "--continue",
    "--concurrency=1",
    ...process.argv.slice(2),
  ],
  {
    stdio: "inherit",
    env: {
      ...process.env,
      JUNCTION_RESULTS_DIR: resultsDir,
      TURBO_TELEMETRY_DISABLED: "1",
      NO_COLOR: "1",
    },
  },
);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of readdirSync(resultsDir)) {
  const counts = JSON.parse(readFileSync(join(resultsDir, file), "utf8"));
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}
rmSync(resultsDir, { recursive: true, force: true });
// a runner that crashed before reporting still fails the run
if (run.status !== 0 && failed === 0) failed = 1;
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(run.status === 0 && failed === 0 ? 0 : 1);
