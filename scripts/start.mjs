// `pnpm start`: build the web app (cached by turbo), then run the server in this process group.
import { spawn, spawnSync } from "node:child_process";

const build = spawnSync(
  "turbo",
  ["run", "build", "--filter=@junction/web", "--output-logs=errors-only", "--log-prefix=none"],
  { stdio: "inherit", env: { ...process.env, TURBO_TELEMETRY_DISABLED: "1" } },
);
if (build.status !== 0) {
  console.error("Building the web app failed; see the messages above.");
  process.exit(build.status ?? 1);
}

const server = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
  cwd: new URL("../apps/server/", import.meta.url),
  stdio: "inherit",
});
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"]) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
