import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const serverDir = new URL("../../", import.meta.url).pathname;
const root = join(serverDir, "../..");

/** The newest modification time of a file under `dir` (0 when there is none). */
function newestIn(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

let command: string[] | null = null;

/**
 * The Node arguments that start the server for a test, run in apps/server: compiled, as
 * `pnpm start` runs it in production (and a second sooner), when its build (which `pnpm test`
 * makes before the server's and the browser's tests) is newer than every source it was built
 * from; from the TypeScript sources otherwise, so a test never runs yesterday's build.
 */
export function serverCommand(): string[] {
  if (command) return command;
  const built = join(serverDir, "dist/main.js");
  const builtAt = existsSync(built) ? statSync(built).mtimeMs : 0;
  const sources = [
    join(serverDir, "src"),
    ...readdirSync(join(root, "packages")).map((name) => join(root, "packages", name, "src")),
  ];
  const fresh = builtAt > 0 && sources.every((dir) => newestIn(dir) < builtAt);
  command = fresh ? [built] : ["--import", "tsx", "src/main.ts"];
  return command;
}
