import { randomUUID } from "node:crypto";
import { isStorageUnavailable } from "@junction/store";
import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { ZodError } from "zod";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { redactPath } from "../log-redaction";
import { validateApiToken } from "../services/api-tokens";
import type { Caller } from "../services/caller";
import { validateSessionToken } from "../services/sessions";
import { readSessionCookie, setSessionCookie } from "./cookies";
import type { AppEnv } from "./env";
import { buildOpenApi } from "./openapi";
import { RouteRegistry } from "./route";
import { registerApiTokenRoutes } from "./routes/api-tokens";
import { registerCommentRoutes } from "./routes/comments";
import { registerEventRoutes } from "./routes/events";
import { registerInvitationRoutes } from "./routes/invitations";
import { registerLoginRoutes } from "./routes/login";
import { registerMemberRoutes } from "./routes/members";
import { registerMyWorkRoutes } from "./routes/my-work";
import { registerNetworkRoutes } from "./routes/networks";
import { registerNotificationRoutes } from "./routes/notifications";
import { registerOwnerRoutes } from "./routes/owners";
import { registerTaskRoutes } from "./routes/tasks";
import { registerWarningRoutes } from "./routes/warnings";
import { registerWorkplanRoutes } from "./routes/workplans";
import { serveWeb } from "./static";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
/** When to try again after the database refused a write (locked by another process, or full). */
const RETRY_AFTER_SECONDS = "5";

function clientIp(c: Context<AppEnv>, trustProxy: boolean): string | null {
  if (trustProxy) {
    const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
    if (forwarded) return forwarded;
  }
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? null;
}

function allowedOrigins(c: Context<AppEnv>, deps: Deps): Set<string> {
  const origins = new Set<string>([new URL(c.req.url).origin]);
  const host = c.req.header("host");
  if (host) {
    origins.add(`http://${host}`);
    origins.add(`https://${host}`);
  }
  if (deps.config.publicUrl) origins.add(new URL(deps.config.publicUrl).origin);
  return origins;
}

/** Resolves the caller from a bearer token or the session cookie (renewing it when it slides). */
function authenticate(
  c: Context<AppEnv>,
  deps: Deps,
): { caller: Caller | null; viaCookie: boolean } {
  const ip = c.get("ip");
  const authorization = c.req.header("authorization");
  if (authorization !== undefined) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    const valid = match?.[1] ? validateApiToken(deps, match[1]) : null;
    if (!valid)
      throw new AppError("unauthenticated", "The API token is not valid, or it was revoked");
    return {
      caller: { user: valid.user, via: "token", sessionId: null, tokenId: valid.token.id, ip },
      viaCookie: false,
    };
  }
  const cookie = readSessionCookie(c);
  if (!cookie) return { caller: null, viaCookie: false };
  const valid = validateSessionToken(deps, cookie);
  if (!valid) return { caller: null, viaCookie: true };
  if (valid.renewed) setSessionCookie(c, deps, cookie, valid.session.expiresAt);
  return {
    caller: { user: valid.user, via: "session", sessionId: valid.session.id, tokenId: null, ip },
    viaCookie: true,
  };
}

export type App = { app: Hono<AppEnv>; routes: RouteRegistry };

export function createApp(deps: Deps): App {
  const app = new Hono<AppEnv>();

  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        connectSrc: ["'self'", "ws:", "wss:"],
        imgSrc: ["'self'", "data:"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        fontSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: "same-origin",
      crossOriginEmbedderPolicy: false,
    }),
  );

  app.use(async (c, next) => {
    const requestId = c.req.header("x-request-id")?.slice(0, 64) || randomUUID();
    c.set("requestId", requestId);
    c.set("ip", clientIp(c, deps.config.trustProxy));
    c.set("caller", null);
    const started = performance.now();
    await next();
    c.header("X-Request-Id", requestId);
    if (c.req.path.startsWith("/api/") || c.res.status >= 500) {
      deps.log.info("request", {
        requestId,
        method: c.req.method,
        path: redactPath(c.req.path),
        status: c.res.status,
        ms: Math.round(performance.now() - started),
      });
    }
  });

  app.use(
    "/api/*",
    bodyLimit({
      maxSize: 1024 * 1024,
      onError: () => {
        throw new AppError("payload_too_large", "The request body is larger than 1 MiB");
      },
    }),
  );

  app.use("/api/*", async (c, next) => {
    const { caller, viaCookie } = authenticate(c, deps);
    c.set("caller", caller);
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header("origin");
      // cookies ride along on cross-site requests; only our own pages may use them to change things
      if (
        (viaCookie && !allowedOrigins(c, deps).has(origin ?? "")) ||
        (origin && !allowedOrigins(c, deps).has(origin))
      ) {
        throw new AppError(
          "csrf",
          "This request must come from Junction's own pages (Origin header missing or foreign)",
        );
      }
    }
    await next();
  });

  app.get("/health", (c) => c.json({ status: "ok", version: 1 }));

  // the order of registration is the order of the OpenAPI document
  const routes = new RouteRegistry(app, deps);
  registerLoginRoutes(routes);
  registerApiTokenRoutes(routes);
  registerNetworkRoutes(routes);
  registerMemberRoutes(routes);
  registerInvitationRoutes(routes);
  registerWorkplanRoutes(routes);
  registerWarningRoutes(routes);
  registerCommentRoutes(routes);
  registerOwnerRoutes(routes);
  registerTaskRoutes(routes);
  registerMyWorkRoutes(routes);
  registerNotificationRoutes(routes);
  registerEventRoutes(app, deps);
  app.get("/api/openapi.json", (c) => c.json(buildOpenApi(routes.routes)));
  app.all("/api/*", () => {
    throw new AppError("not_found", "No such API route; see /api/openapi.json");
  });
  serveWeb(app, deps);

  app.onError((error, c) => {
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      if (error.code === "unavailable" && !("Retry-After" in error.headers)) {
        c.header("Retry-After", RETRY_AFTER_SECONDS);
      }
      return c.json({ error: { code: error.code, message: error.message } }, error.status);
    }
    if (error instanceof ZodError) {
      const message = error.issues
        .map(
          (issue) => `${issue.path.length > 0 ? issue.path.join(".") : "body"}: ${issue.message}`,
        )
        .join("; ");
      return c.json({ error: { code: "validation_failed", message } }, 400);
    }
    if (isStorageUnavailable(error)) {
      const sqliteCode = (error as { code?: unknown }).code;
      // the transaction rolled back: nothing was half-written, and the request can be retried
      deps.log.warn("storage unavailable", {
        requestId: c.get("requestId"),
        path: redactPath(c.req.path),
        code: sqliteCode,
      });
      c.header("Retry-After", RETRY_AFTER_SECONDS);
      const message =
        sqliteCode === "SQLITE_FULL"
          ? "The server's disk is full, so nothing was saved; tell your administrator and try again later"
          : "The database is busy, so nothing was saved; try again in a moment";
      return c.json({ error: { code: "unavailable", message } }, 503);
    }
    deps.log.error("unhandled error", {
      requestId: c.get("requestId"),
      path: redactPath(c.req.path),
      error,
    });
    return c.json(
      {
        error: {
          code: "internal",
          message: `Something went wrong on our side (request ${c.get("requestId")})`,
        },
      },
      500,
    );
  });

  return { app, routes };
}
