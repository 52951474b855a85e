// `pnpm test`: the static checks (Biome, tsc), then every package's tests through turbo on the
// embedded SQLite store, then the store's and the server's tests (and a few browser tests) again
// on PostgreSQL (a private server this script starts and removes), then one plain line summing
// all of them. `--no-static` skips the checks and `--sqlite-only` the PostgreSQL run (CI's second
// Node version).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { postgresBinaries, startPostgres } from "./services.mjs";

const args = process.argv.slice(2);
const withStatic = !args.includes("--no-static");
const withPostgres = !args.includes("--sqlite-only");
const turboArgs = args.filter((arg) => arg !== "--no-static" && arg !== "--sqlite-only");
// the packages whose tests run again on PostgreSQL: everything that opens the store (the sync
// package's own tests use an in-memory log, and its SQLite ones test SQLite's locking); of the
// browser tests, only those that reach the store in ways the server's cannot (playwright.config.ts)
const POSTGRES_PACKAGES = ["@junction/store", "@junction/server", "@junction/e2e"];
// vitest runs one test file at a time on two cores (it keeps a core free: cores - 1 workers); the
// tests wait on servers, child processes and PostgreSQL as much as they compute, so two files at
// once finish the server's tests in 80 s instead of 105 s, and on PostgreSQL in 124 s instead of 207 s
const workers = String(Math.max(2, availableParallelism() - 1));
const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: "1",
  NO_COLOR: "1",
  VITEST_MAX_WORKERS: process.env.VITEST_MAX_WORKERS ?? workers,
};

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
function runTests(label, extraArgs, extraEnv) {
  process.stdout.write(`\n> tests${label}\n`);
  return spawnSync(
    "turbo",
    [
      "run",
      "test",
      "--log-prefix=none",
      "--log-order=grouped",
      "--continue",
      "--concurrency=1",
      ...extraArgs,
      ...turboArgs,
    ],
    { stdio: "inherit", env: { ...env, JUNCTION_RESULTS_DIR: resultsDir, ...extraEnv } },
  );
}
const run = runTests(" on SQLite", [], {});
let postgresRun = null;
if (withPostgres) {
  const bin = postgresBinaries();
  if (!bin) {
    // CI installs PostgreSQL (.ci/run); a developer without it is told, and the run says so
    const message =
      "PostgreSQL is not installed (apt-get install -y postgresql): its run did not happen";
    process.stdout.write(`\n${message}\n`);
    if (process.env.CI === "true") {
      failed++;
      staticFailures.push(message);
    }
  } else {
    let server = null;
    try {
      server = await startPostgres(bin);
      postgresRun = runTests(
        " on PostgreSQL",
        POSTGRES_PACKAGES.map((name) => `--filter=${name}`),
        { JUNCTION_TEST_DATABASE_URL: server.url, JUNCTION_TEST_STORE: "postgres" },
      );
    } catch (error) {
      failed++;
      staticFailures.push(`PostgreSQL run: ${error.message}`);
    } finally {
      server?.stop();
    }
  }
}

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
if ((run.status !== 0 || (postgresRun && postgresRun.status !== 0)) && reported === 0) {
  failed++;
  failedNames.push("a test runner stopped before it reported (see its output above)");
}
// the names last, next to the summary, where a truncated CI log still shows them
for (const name of failedNames) process.stdout.write(`failed: ${name}\n`);
for (const name of flakyNames) process.stdout.write(`flaky (passed when retried): ${name}\n`);
process.stdout.write(`\n${passed} passed, ${failed} failed, ${skipped} skipped\n`);
process.exit(failed === 0 ? 0 : 1);
