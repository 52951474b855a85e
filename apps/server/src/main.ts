import { serve } from "@hono/node-server";
import { createSqliteUpdateLog, openDatabase } from "@junction/store";
import { FailureLimiter } from "./auth/rate-limit";
import { bootstrap } from "./bootstrap";
import { ConfigError, loadConfig } from "./config";
import type { Deps } from "./deps";
import { createEventBus } from "./events";
import { createApp } from "./http/app";
import { createActivityIndexer } from "./indexer";
import { createLogger } from "./log";
import { createMailer } from "./mailer";
import { createWarningEngine } from "./services/warnings";
import { attachSync } from "./ws";

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    // biome-ignore lint/style/noProcessEnv: the composition root hands the environment to loadConfig
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const log = createLogger(config.logLevel === "silent" ? "silent" : config.logLevel);
  const db = openDatabase(config.databasePath);
  await bootstrap(db, config, log);

  const deps: Deps = {
    db,
    config,
    log,
    now: Date.now,
    events: createEventBus(),
    mailer: await createMailer(config.smtpUrl, config.smtpFrom, log),
    live: { setRole: () => {}, change: () => false },
    warnings: { forgetNetwork: () => {}, learnDecisions: () => {} },
    limiters: {
      account: new FailureLimiter({ limit: 5, windowMs: 15 * 60 * 1000 }),
      address: new FailureLimiter({ limit: 50, windowMs: 15 * 60 * 1000 }),
    },
  };
  const { app } = createApp(deps);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  const updateLog = createSqliteUpdateLog(db);
  const warnings = createWarningEngine(deps);
  deps.warnings = warnings;
  const indexer = createActivityIndexer(
    deps,
    (workplanId) => updateLog.load(workplanId),
    (workplan, before, after) => warnings.onActivitiesChanged(workplan, before, after),
  );
  indexer.indexAll();
  const sync = attachSync(server, deps, indexer, updateLog);
  deps.live = sync;

  server.on("listening", () => {
    const address = server.address();
    const port = typeof address === "object" && address ? address.port : config.port;
    log.info("Junction is listening", {
      url: `http://${config.host}:${port}`,
      dataDir: config.dataDir,
    });
  });
  server.on("error", (error) => {
    log.error("the HTTP server failed", { error });
    process.exit(1);
  });

  let stopping = false;
  async function shutdown(signal: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    log.info("shutting down", { signal });
    server.close();
    await sync.close();
    db.close();
    log.info("stopped");
    process.exit(0);
  }
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${JSON.stringify({ level: "error", msg: "Junction failed to start", error: String(error) })}\n`,
  );
  process.exit(1);
});
