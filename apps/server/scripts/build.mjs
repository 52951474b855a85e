// Compiles the server for `pnpm start`: src/main.ts and the workspace packages it imports become
// one ES module, dist/main.js (and its workers', dist/export-worker.js and dist/pg-worker.js), so no TypeScript loader runs in production. Native modules and the
// mailer (loaded only when SMTP_URL is set) stay in node_modules.
// Usage: node scripts/build.mjs [output folder inside apps/server, default dist]
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = resolve(root, process.argv[2] ?? "dist");

rmSync(dist, { recursive: true, force: true });
const { outputFiles } = await build({
  absWorkingDir: root,
  // exports run in a worker thread, which loads dist/export-worker.js beside main.js; so does
  // PostgreSQL's connection (dist/pg-worker.js, with the pg client in it)
  entryPoints: {
    main: "src/main.ts",
    "export-worker": "src/exports/export-worker.ts",
    "pg-worker": "../../packages/store/src/postgres/worker.mjs",
  },
  outdir: dist,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  // pg-native is pg's optional native binding, never installed
  external: ["better-sqlite3", "@node-rs/argon2", "nodemailer", "pg-native"],
  // the CommonJS packages bundled (ws) still call require() for Node's own modules
  banner: {
    js: 'import { createRequire as __createRequire } from "node:module"; const require = __createRequire(import.meta.url);',
  },
  minifyWhitespace: true,
  minifySyntax: true,
  sourcemap: "linked",
  legalComments: "none",
  logLevel: "warning",
  write: false,
});
mkdirSync(dist, { recursive: true });
for (const file of outputFiles) {
  // V8 keeps a module's source in memory; one character outside Latin-1 (esbuild leaves them in
  // regular expressions) would make it keep all of it as two-byte text, twice the size
  const text = file.path.endsWith(".js")
    ? file.text.replace(
        /[\u0100-\uffff]/g,
        (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`,
      )
    : file.text;
  writeFileSync(file.path, text);
}
// @junction/store reads its demo network next to its code, which is now dist/main.js
const store = dirname(fileURLToPath(import.meta.resolve("@junction/store")));
cpSync(join(store, "seed"), join(dist, "seed"), { recursive: true });
