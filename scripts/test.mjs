// `pnpm test`: the static checks (Biome, tsc), then every package's tests through turbo, then one
// plain line summing all of them. `--no-static` skips the checks (CI's second Node version).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const args = process.argv.slice(2);
const withStatic = !args.includes("--no-static");
const turboArgs = args.filter((arg) => arg !== "--no-static");
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" };

let passed = 0;
let failed = 0;
let skipped = 0;
const staticFailures = [];

// a failing check is reported and counted, and the tests still run: one CI run shows everything
function check(name, command, commandArgs) {
  process.stdout.write(`\n> ${name}: ${[command, ...commandArgs].join(" ")}\n`);
  const result = spawnSync(command, commandArgs, { stdio: "inherit", env });
  if (result.error) process.stdout.write(`${result.error.message}\n`);
  const ok = result.status === 0;
  process.stdout.write(`[${name}] ${ok ? "ok" : "FAILED"}\n`);
  if (ok) passed++;
  else {
    failed++;
    staticFailures.push(name);
  }
}

process.stdout.write(`Node ${process.version}\n`);
if (withStatic) {
  check("lint", "biome", ["ci", "."]);
  check("typecheck", "turbo", [
    "run",
    "typecheck",
    "--log-prefix=none",
    "--output-logs=errors-only",
  ]);
}

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
    ...turboArgs,
  ],
  { stdio: "inherit", env: { ...env, JUNCTION_RESULTS_DIR: resultsDir } },
);

if (run.error) process.stdout.write(`turbo did not run: ${run.error.message}\n`);
let reported = 0;
const failedNames = staticFailures.map((name) => `${name} (static check)`);
const flakyNames = [];
for (const file of readdirSync(resultsDir)) {
  const counts = JSON.parse(readFileSync(join(resultsDir, file), "utf8"));
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  reported += counts.failed;
  failedNames.push(...(counts.failedNames ?? []));
  flakyNames.push(...(counts.flakyNames ?? []));
}
rmSync(resultsDir, { recursive: true, force: true });
// a runner that crashed before reporting still fails the run
if (run.status !== 0 && reported === 0) {
  failed++;
  failedNames.push("a test runner stopped before it reported (see its output above)");
}
// the names last, next to the summary, where a truncated CI log still shows them
for (const name of failedNames) process.stdout.write(`failed: ${name}\n`);
for (const name of flakyNames) process.stdout.write(`flaky (passed when retried): ${name}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed === 0 ? 0 : 1);
