// `pnpm start`: build the web app and compile the server (both cached by turbo), then run the
// compiled server and stop it cleanly when `pnpm start` is stopped.
import { spawn, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";

const build = spawnSync(
  "turbo",
  [
    "run",
    "build",
    "--filter=@junction/web",
    "--filter=@junction/server",
    "--output-logs=errors-only",
    "--log-prefix=none",
  ],
  { stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } },
);
if (build.status !== 0) {
  console.error("Building the web app or the server failed; see the messages above.");
  process.exit(build.status ?? 1);
}

// relative paths mean the directory `pnpm start` ran in, not the server's package folder
const env = { ...process.env, JUNCTION_DATA_DIR: resolve(process.env.JUNCTION_DATA_DIR || "data") };
if (process.env.JUNCTION_WEB_DIR) env.JUNCTION_WEB_DIR = resolve(process.env.JUNCTION_WEB_DIR);
const server = spawn(process.execPath, ["dist/main.js"], {
  cwd: new URL("../apps/server/", import.meta.url),
  stdio: "inherit",
  env,
});
let stopping = false;
function stop(signal) {
  if (stopping) return;
  stopping = true;
  server.kill(signal);
}
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) process.on(signal, () => stop(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));

// pnpm does not pass SIGTERM on to the script it runs: when pnpm (or npx around it) goes away,
// stop the server ourselves so it flushes its rooms and frees the port.
function parentOf(pid) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
  } catch {
    return 0;
  }
}
const ancestors = [];
for (let pid = process.ppid; pid > 1 && ancestors.length < 6; pid = parentOf(pid))
  ancestors.push(pid);
const watchdog = setInterval(() => {
  for (const pid of ancestors) {
    try {
      process.kill(pid, 0);
    } catch {
      clearInterval(watchdog);
      stop("SIGTERM");
      return;
    }
  }
}, 250);
watchdog.unref();
