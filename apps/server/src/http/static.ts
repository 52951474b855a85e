import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import type { Hono } from "hono";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import type { AppEnv } from "./env";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves the built web app; unknown paths get index.html so the client router can take them. */
export function serveWeb(app: Hono<AppEnv>, deps: Deps): void {
  const root = normalize(deps.config.webDir);
  const indexFile = join(root, "index.html");
  app.get("*", (c) => {
    if (!existsSync(indexFile)) {
      return c.text(
        "The web app is not built yet: run `pnpm start` (it builds apps/web first).",
        503,
      );
    }
    let decoded: string;
    try {
      decoded = decodeURIComponent(c.req.path);
    } catch (error) {
      throw new AppError("bad_request", "The path is not valid percent-encoding", { cause: error });
    }
    const requested = normalize(join(root, decoded));
    const inside = requested.startsWith(root + sep);
    if (inside && existsSync(requested) && statSync(requested).isFile()) {
      const immutable = requested.includes(`${sep}assets${sep}`);
      return c.body(readFileSync(requested), 200, {
        "Content-Type": TYPES[extname(requested)] ?? "application/octet-stream",
        "Cache-Control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
      });
    }
    // a missing built file is a 404; any other path (invitation tokens hold dots) is the app's
    if (c.req.path.startsWith("/assets/") || TYPES[extname(c.req.path)] !== undefined) {
      return c.text("Not found", 404);
    }
    return c.html(readFileSync(indexFile, "utf8"), 200, { "Cache-Control": "no-cache" });
  });
}
