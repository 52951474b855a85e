import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { createSqliteUpdateLog, createUpdateCatchUp, openStore } from "@junction/store";
import { createSyncServer, loadDocument, type SyncServer } from "@junction/sync";
import { FailureLimiter } from "./auth/rate-limit";
import { createBackgroundWriter } from "./background-writer";
import { bootstrap } from "./bootstrap";
import { withClientAttribution } from "./client-attribution";
import type { Config } from "./config";
import { joinDeployment } from "./deployment/join";
import type { BaseDeps, Deps } from "./deps";
import { createExportRunner } from "./exports/export-runner";
import { withForeignContentRemoved } from "./foreign-content-guard";
import { createApp } from "./http/app";
import { loadTranslator } from "./i18n/locale-files";
import { createActivityIndexer } from "./indexer/activity-indexer";
import { createLiveCredentials } from "./live-credentials";
import { applyNotice, createLiveDocuments } from "./live-documents";
import type { Logger } from "./log";
import { createMailer } from "./mailer";
import { CREDENTIAL_SWEEP_MS, endRevokedCredentials } from "./services/credentials";
import { createWarningEngine } from "./services/warnings";
import { createStatusGuard } from "./status-guard";
import { attachSyncUpgrade } from "./ws";

export type Junction = {
  deps: Deps;
  server: ReturnType<typeof serve>;
  sync: SyncServer;
  /** The port it listens on (PORT=0 picks a free one). */
  port: number;
  /** Stops listening, closes every socket (flushing open rooms) and the database. */
  close(): Promise<void>;
};

/**
 * The composition root: opens the database, seeds it on first start, builds every part in the
 * order they need each other, and serves HTTP, events and sync on one port.
 */
export async function startJunction(
  config: Config,
  log: Logger,
  now: () => number = Date.now,
): Promise<Junction> {
  // PostgreSQL when DATABASE_URL names one (it must answer now: else the start fails, saying why)
  const db = openStore(config);
  await bootstrap(db, config, log);
  const deployment = await joinDeployment(config.redisUrl, log);

  const base: BaseDeps = {
    db,
    config,
    log,
    now,
    events: deployment.events,
    deployment,
    mailer: await createMailer(config.smtpUrl, config.smtpFrom, log),
    credentials: createLiveCredentials(),
    limiters: {
      account: new FailureLimiter({ limit: 5, windowMs: 15 * 60 * 1000 }),
      address: new FailureLimiter({ limit: 50, windowMs: 15 * 60 * 1000 }),
      resets: new FailureLimiter({ limit: 5, windowMs: 15 * 60 * 1000 }),
    },
    background: createBackgroundWriter(log.child({ component: "background" })),
    exports: createExportRunner({
      threads: config.exportThreads,
      log: log.child({ component: "exports" }),
    }),
    i18n: loadTranslator(config.localesDir, log.child({ component: "translations" })),
  };
  const updateLog = createSqliteUpdateLog(db);
  const warnings = createWarningEngine(base);
  const indexer = createActivityIndexer(
    base,
    // a stored update that does not apply is quarantined as the sync server does, never thrown
    (workplanId) => loadDocument(updateLog, workplanId, log.child({ component: "indexer" })),
    (workplan, before, after) => warnings.onActivitiesChanged(workplan, before, after),
  );
  const indexed = indexer.indexStale();
  if (indexed > 0) log.info("refreshed the activity index of workplans that changed", { indexed });
  const sync = createSyncServer({
    log: updateLog,
    logger: log.child({ component: "sync" }),
    limits: Object.fromEntries(
      Object.entries(config.syncLimits).filter(([, value]) => value !== undefined),
    ),
    onDocumentChanged: (workplanId, ydoc) => indexer.schedule(workplanId, ydoc),
    guard: withClientAttribution(base, withForeignContentRemoved(createStatusGuard(base))),
    ...(deployment.documents && {
      scaleOut: {
        bus: deployment.documents,
        catchUp: createUpdateCatchUp(db),
        processId: deployment.processId,
      },
    }),
  });
  const live = createLiveDocuments(sync, base, updateLog, deployment);
  const deps: Deps = { ...base, live, warnings };
  deployment.onNotice((notice) => applyNotice(sync, deps, notice));

  const { app } = createApp(deps);
  const server = serve({ fetch: app.fetch, hostname: config.host, port: config.port });
  const upgrade = attachSyncUpgrade(server, deps, sync);
  // sessions expire while their sockets and streams stay open
  const sweep = setInterval(() => {
    try {
      endRevokedCredentials(deps);
    } catch (error) {
      // a busy or locked database: the next sweep tries again
      log.warn("could not check open connections' credentials", { error });
    }
  }, CREDENTIAL_SWEEP_MS);
  sweep.unref();

  await new Promise<void>((resolve, reject) => {
    if (server.listening) return resolve();
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const port = (server.address() as AddressInfo).port;

  return {
    deps,
    server,
    sync,
    port,
    async close() {
      clearInterval(sweep);
      server.close();
      await sync.close();
      // after the rooms: their last presence removals go out first
      await deployment.close();
      upgrade.close();
      await deps.exports.close();
      indexer.flush();
      deps.background.flush();
      db.close();
    },
  };
}
