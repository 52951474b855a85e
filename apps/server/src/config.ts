import { resolve } from "node:path";
import { z } from "zod";

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

const schema = z.object({
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: port.default(8787),
  JUNCTION_DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//i, "must be a postgres:// or postgresql:// URL")
    .optional(),
  JUNCTION_LOCALES_DIR: z.string().min(1).optional(),
  JUNCTION_PUBLIC_URL: z.url().optional(),
  JUNCTION_WEB_DIR: z.string().min(1).optional(),
  JUNCTION_SEED: z.enum(["demo", "none"]).default("demo"),
  JUNCTION_DEMO_PASSWORD: z.string().min(1).default("junction-demo"),
  JUNCTION_ADMIN_EMAIL: z.email().optional(),
  JUNCTION_ADMIN_PASSWORD: z.string().optional(),
  JUNCTION_LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  JUNCTION_SESSION_DAYS: positiveInt.default(30),
  JUNCTION_INVITATION_DAYS: positiveInt.default(7),
  JUNCTION_TRUST_PROXY: z
    .enum(["true", "false"])
    .default("false")
    .transform((v) => v === "true"),
  JUNCTION_SYNC_MAX_MESSAGE_BYTES: positiveInt.optional(),
  JUNCTION_SYNC_MAX_DOCUMENT_BYTES: positiveInt.optional(),
  JUNCTION_SYNC_MAX_NESTING_DEPTH: positiveInt.optional(),
  JUNCTION_SYNC_MAX_UPDATES_PER_SECOND: positiveInt.optional(),
  JUNCTION_SYNC_MAX_CONNECTIONS_PER_ROOM: positiveInt.optional(),
  JUNCTION_SYNC_MIN_FLUSH_INTERVAL_MS: z.coerce.number().int().min(0).max(1000).default(20),
  JUNCTION_EXPORT_THREADS: z.coerce.number().int().min(0).max(16).default(1),
  REDIS_URL: z
    .url({ protocol: /^rediss?$/, error: "must be a redis:// or rediss:// URL" })
    .optional(),
  SMTP_URL: z.url().optional(),
  SMTP_FROM: z.string().default("Junction <no-reply@localhost>"),
});

export type Config = Readonly<{
  host: string;
  port: number;
  dataDir: string;
  /** The embedded SQLite file, used when `databaseUrl` is null. */
  databasePath: string;
  /** PostgreSQL (`DATABASE_URL`) instead of the embedded SQLite file. */
  databaseUrl: string | null;
  /** Translation files (`<locale>.json`) that correct or add languages; `<data dir>/locales`. */
  localesDir: string;
  publicUrl: string | null;
  webDir: string;
  seed: "demo" | "none";
  demoPassword: string;
  adminEmail: string | null;
  adminPassword: string | null;
  logLevel: "debug" | "info" | "warn" | "error" | "silent";
  sessionDays: number;
  invitationDays: number;
  trustProxy: boolean;
  syncLimits: {
    maxMessageBytes?: number;
    maxDocumentBytes?: number;
    maxNestingDepth?: number;
    maxUpdatesPerSecond?: number;
    maxConnectionsPerRoom?: number;
    /**
     * Least milliseconds between two appends to the update log (20 by default): under load the
     * updates arriving meanwhile share one commit; an idle server still appends at once.
     */
    minFlushIntervalMs: number;
  };
  /** Joins every process sharing it into one deployment (Redis pub/sub); null: this one alone. */
  redisUrl: string | null;
  smtpUrl: string | null;
  smtpFrom: string;
  /** Worker threads for exports; 0 runs them on the server's own thread. */
  exportThreads: number;
}>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment once at start; a bad value stops the start with a message naming it. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (issue) => `${issue.path.join(".")}: ${issue.message}`,
    );
    throw new ConfigError(`Invalid configuration: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.JUNCTION_DATA_DIR);
  return Object.freeze({
    host: e.HOST,
    port: e.PORT,
    dataDir,
    databasePath: resolve(dataDir, "junction.db"),
    databaseUrl: e.DATABASE_URL ?? null,
    localesDir: e.JUNCTION_LOCALES_DIR
      ? resolve(e.JUNCTION_LOCALES_DIR)
      : resolve(dataDir, "locales"),
    publicUrl: e.JUNCTION_PUBLIC_URL ? e.JUNCTION_PUBLIC_URL.replace(/\/+$/, "") : null,
    webDir: e.JUNCTION_WEB_DIR
      ? resolve(e.JUNCTION_WEB_DIR)
      : new URL("../../web/dist", import.meta.url).pathname,
    seed: e.JUNCTION_SEED,
    demoPassword: e.JUNCTION_DEMO_PASSWORD,
    adminEmail: e.JUNCTION_ADMIN_EMAIL?.toLowerCase() ?? null,
    adminPassword: e.JUNCTION_ADMIN_PASSWORD ?? null,
    logLevel: e.JUNCTION_LOG_LEVEL,
    sessionDays: e.JUNCTION_SESSION_DAYS,
    invitationDays: e.JUNCTION_INVITATION_DAYS,
    trustProxy: e.JUNCTION_TRUST_PROXY,
    syncLimits: {
      maxMessageBytes: e.JUNCTION_SYNC_MAX_MESSAGE_BYTES,
      maxDocumentBytes: e.JUNCTION_SYNC_MAX_DOCUMENT_BYTES,
      maxNestingDepth: e.JUNCTION_SYNC_MAX_NESTING_DEPTH,
      maxUpdatesPerSecond: e.JUNCTION_SYNC_MAX_UPDATES_PER_SECOND,
      maxConnectionsPerRoom: e.JUNCTION_SYNC_MAX_CONNECTIONS_PER_ROOM,
      minFlushIntervalMs: e.JUNCTION_SYNC_MIN_FLUSH_INTERVAL_MS,
    },
    redisUrl: e.REDIS_URL ?? null,
    smtpUrl: e.SMTP_URL ?? null,
    smtpFrom: e.SMTP_FROM,
    exportThreads: e.JUNCTION_EXPORT_THREADS,
  });
}
