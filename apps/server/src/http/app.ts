import { randomUUID } from "node:crypto";
import { parseAcceptLanguage } from "@junction/domain";
import type { Context } from "hono";
import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { secureHeaders } from "hono/secure-headers";
import { ZodError } from "zod";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { redactPath } from "../log-redaction";
import { authenticateRequest } from "../services/authentication";
import { storageRefusal } from "../services/storage";
import { readSessionCookie, setSessionCookie } from "./cookies";
import type { AppEnv } from "./env";
import { buildOpenApi } from "./openapi";
import { RouteRegistry } from "./route";
import { registerApiTokenRoutes } from "./routes/api-tokens";
import { registerCommentRoutes } from "./routes/comments";
import { registerEventRoutes } from "./routes/events";
import { registerExportRoutes } from "./routes/exports";
import { registerInvitationRoutes } from "./routes/invitations";
import { registerLifecycleRoutes } from "./routes/lifecycle";
import { registerLocaleRoutes } from "./routes/locales";
import { registerLoginRoutes } from "./routes/login";
import { registerMemberRoutes } from "./routes/members";
import { registerMyWorkRoutes } from "./routes/my-work";
import { registerNetworkRoutes } from "./routes/networks";
import { registerNotificationRoutes } from "./routes/notifications";
import { registerOwnerRoutes } from "./routes/owners";
import { registerPasswordRoutes } from "./routes/passwords";
import { registerSuggestionRoutes } from "./routes/suggestions";
import { registerTaskRoutes } from "./routes/tasks";
import { registerVersionRoutes } from "./routes/versions";
import { registerWarningRoutes } from "./routes/warnings";
import { registerWorkplanRoutes } from "./routes/workplans";
import { serveWeb } from "./static";
import { HandlerTurns } from "./turns";

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

/** The origins a request reached this server at: its URL and its Host header. */
function ownOrigins(c: Context<AppEnv>): string[] {
  const origins = [new URL(c.req.url).origin];
  const host = c.req.header("host");
  if (host) origins.push(`http://${host}`, `https://${host}`);
  return origins;
}

function bearerToken(authorization: string | undefined): string | null {
  if (authorization === undefined) return null;
  // a malformed header is a token that does not validate: 401, never anonymous
  return /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] ?? "";
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
    c.set("locale", deps.i18n.negotiate(parseAcceptLanguage(c.req.header("accept-language"))));
    const started = performance.now();
    await next();
    // on the response's headers, not c.header(): after the handler that would rebuild the
    // response as a stream (an undici Response per request, and the garbage it leaves)
    c.res.headers.set("X-Request-Id", requestId);
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

  const limitBody = bodyLimit({
    maxSize: 1024 * 1024,
    onError: () => {
      throw new AppError("payload_too_large", msg("request.tooLarge"));
    },
  });
  // a GET carries no body, and asking for one builds a whole undici Request per request
  app.use("/api/*", (c, next) => (SAFE_METHODS.has(c.req.method) ? next() : limitBody(c, next)));

  // one API request per turn of the event loop, from authentication on (http/turns.ts): a burst
  // of requests is only parsed as it arrives, and /health, static files and sockets are served
  // between any two of them
  const turns = new HandlerTurns();
  app.use("/api/*", async (_c, next) => {
    await turns.wait();
    await next();
  });

  app.use("/api/*", async (c, next) => {
    const { caller, renewedSession } = authenticateRequest(deps, {
      token: bearerToken(c.req.header("authorization")),
      sessionCookie: readSessionCookie(c) || null,
      origin: c.req.header("origin") || null,
      ownOrigins: ownOrigins(c),
      ip: c.get("ip"),
      changesState: !SAFE_METHODS.has(c.req.method),
    });
    if (renewedSession) {
      setSessionCookie(c, deps, renewedSession.token, renewedSession.expiresAt);
    }
    c.set("caller", caller);
    const chosen = caller?.user.locale;
    if (chosen && deps.i18n.isAvailable(chosen)) c.set("locale", chosen);
    await next();
  });

  app.get("/health", (c) => c.json({ status: "ok", version: 1 }));

  // the order of registration is the order of the OpenAPI document
  const routes = new RouteRegistry(app, deps, turns);
  registerLoginRoutes(routes);
  registerLocaleRoutes(routes);
  registerPasswordRoutes(routes);
  registerApiTokenRoutes(routes);
  registerNetworkRoutes(routes);
  registerMemberRoutes(routes);
  registerInvitationRoutes(routes);
  registerWorkplanRoutes(routes);
  registerExportRoutes(routes);
  registerWarningRoutes(routes);
  registerCommentRoutes(routes);
  registerSuggestionRoutes(routes);
  registerOwnerRoutes(routes);
  registerTaskRoutes(routes);
  registerMyWorkRoutes(routes);
  registerNotificationRoutes(routes);
  registerLifecycleRoutes(routes);
  registerVersionRoutes(routes);
  registerEventRoutes(app, deps);
  app.get("/api/openapi.json", (c) => c.json(buildOpenApi(routes.routes)));
  app.all("/api/*", () => {
    throw new AppError("not_found", msg("request.noRoute"));
  });
  serveWeb(app, deps);

  app.onError((error, c) => {
    const locale = c.get("locale") ?? "en";
    if (error instanceof AppError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      if (error.code === "unavailable" && !("Retry-After" in error.headers)) {
        c.header("Retry-After", RETRY_AFTER_SECONDS);
      }
      const message = deps.i18n.format(locale, error.localized ?? error.message);
      return c.json({ error: { code: error.code, message } }, error.status);
    }
    if (error instanceof ZodError) {
      const message = error.issues
        .map(
          (issue) => `${issue.path.length > 0 ? issue.path.join(".") : "body"}: ${issue.message}`,
        )
        .join("; ");
      // the fields' own words stay as the schemas say them: they name JSON fields and rules
      const summary = deps.i18n.format(locale, msg("request.invalid", { details: message }));
      return c.json({ error: { code: "validation_failed", message: summary } }, 400);
    }
    const refusal = storageRefusal(error);
    if (refusal) {
      deps.log.warn("storage unavailable", {
        requestId: c.get("requestId"),
        path: redactPath(c.req.path),
        code: refusal.sqliteCode,
      });
      c.header("Retry-After", RETRY_AFTER_SECONDS);
      const message = deps.i18n.format(locale, refusal.message);
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
          message: deps.i18n.format(
            locale,
            msg("request.internal", { requestId: c.get("requestId") }),
          ),
        },
      },
      500,
    );
  });

  return { app, routes };
}
