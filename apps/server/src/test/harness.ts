import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Role } from "@junction/domain";
import { appendNarrative } from "@junction/domain/doc";
import {
  addMembership,
  createNetwork,
  createOrganisation,
  createSqliteUpdateLog,
  createUser,
  createWorkplan,
  type Db,
  listWorkplanActivities,
  type SqliteDb,
  type UserRecord,
} from "@junction/store";
import { openTestStore, testDatabaseUrl } from "@junction/store/testing";
import * as Y from "yjs";
import { FailureLimiter } from "../auth/rate-limit";
import { createBackgroundWriter } from "../background-writer";
import { type Config, loadConfig } from "../config";
import type { Deps } from "../deps";
import { createEventBus } from "../events";
import { createExportRunner, type ExportRunner } from "../exports/export-runner";
import { createApp } from "../http/app";
import { loadTranslator } from "../i18n/locale-files";
import { createLiveCredentials } from "../live-credentials";
import { createLogger } from "../log";
import { stateFromLog } from "../services/document-state";
import { createSession } from "../services/sessions";

export const ORIGIN = "http://localhost";

// one worker thread for every harness of a test file: starting one under tsx takes a while
const exportRunners = new Map<number, ExportRunner>();
function sharedExportRunner(threads: number): ExportRunner {
  let runner = exportRunners.get(threads);
  if (!runner) {
    runner = createExportRunner({ threads, log: createLogger("silent"), idleMs: 5_000 });
    exportRunners.set(threads, runner);
  }
  return runner;
}

export type Harness = {
  deps: Deps;
  db: Db;
  request: (path: string, init?: RequestInit & { json?: unknown }) => Promise<Response>;
  advance: (ms: number) => void;
  routes: ReturnType<typeof createApp>["routes"];
  roleChanges: { networkId: string; userId: string; role: Role | null }[];
  /** Workplans whose live connections were told to re-apply roles (archived, adopted...). */
  refreshedWorkplans: string[];
  close: () => void;
};

/**
 * A real app on a fresh database (an SQLite file, or a PostgreSQL schema of its own when the test
 * run names a server: see openTestStore), with a clock the test moves.
 */
export function createHarness(overrides: Partial<Config> = {}): Harness {
  const dir = mkdtempSync(join(tmpdir(), "junction-server-"));
  const config = { ...loadConfig({ JUNCTION_DATA_DIR: dir, JUNCTION_SEED: "none" }), ...overrides };
  const db = openTestStore(join(dir, "junction.db"));
  let now = Date.UTC(2026, 0, 15, 9, 0, 0);
  const roleChanges: Harness["roleChanges"] = [];
  const refreshedWorkplans: string[] = [];
  const updateLog = createSqliteUpdateLog(db, () => now);
  const hasStoredDocument = (workplanId: string) => {
    const { snapshot, updates } = updateLog.load(workplanId);
    return snapshot !== null || updates.length > 0;
  };
  const deps: Deps = {
    db,
    config,
    log: createLogger("silent"),
    now: () => now,
    events: createEventBus(),
    deployment: { notify: () => {} },
    mailer: { enabled: false, send: async () => {} },
    live: {
      setRole: (networkId, userId, role) => roleChanges.push({ networkId, userId, role }),
      refreshWorkplan: (workplanId) => refreshedWorkplans.push(workplanId),
      change: (workplanId, edit) => {
        const activities = listWorkplanActivities(db, workplanId);
        if (hasStoredDocument(workplanId) || activities.length === 0) {
          // a stored document (or a new one) is changed and stored, as the sync server does
          const ydoc = new Y.Doc();
          Y.applyUpdate(ydoc, stateFromLog(updateLog.load(workplanId)));
          const before = Y.encodeStateVector(ydoc);
          ydoc.transact(() => edit(ydoc));
          const update = Y.encodeStateAsUpdate(ydoc, before);
          ydoc.destroy();
          const decoded = Y.decodeUpdate(update);
          if (decoded.structs.length === 0 && decoded.ds.clients.size === 0) return false;
          updateLog.append([{ docName: workplanId, updates: [update] }]);
          return true;
        }
        // otherwise the document as the activity index has it, so status changes find their activity
        const ydoc = new Y.Doc();
        appendNarrative(
          ydoc,
          activities.map((activity) => ({ kind: "activity" as const, activity })),
        );
        edit(ydoc);
        ydoc.destroy();
        return true;
      },
      readState: (workplanId) => stateFromLog(updateLog.load(workplanId)),
    },
    credentials: createLiveCredentials(),
    warnings: { forgetNetwork: () => {}, learnDecisions: () => {}, onActivitiesChanged: () => {} },
    limiters: {
      account: new FailureLimiter({ limit: 5, windowMs: 15 * 60 * 1000 }),
      address: new FailureLimiter({ limit: 50, windowMs: 15 * 60 * 1000 }),
      resets: new FailureLimiter({ limit: 5, windowMs: 15 * 60 * 1000 }),
    },
    background: createBackgroundWriter(createLogger("silent")),
    exports: sharedExportRunner(config.exportThreads),
    i18n: loadTranslator(config.localesDir, createLogger("silent")),
  };
  const { app, routes } = createApp(deps);
  return {
    deps,
    db,
    routes,
    roleChanges,
    refreshedWorkplans,
    advance: (ms) => {
      now += ms;
    },
    request: async (path, init = {}) => {
      const { json, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (json !== undefined) headers.set("content-type", "application/json");
      return app.request(`${ORIGIN}${path}`, {
        ...rest,
        headers,
        body: json === undefined ? rest.body : JSON.stringify(json),
      });
    },
    close: () => {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type TestNetwork = {
  networkId: string;
  orgA: string;
  orgB: string;
  /** An organisation of the other network, the stranger's. */
  otherOrg: string;
  workplanId: string;
  users: Record<Role | "stranger" | "admin", UserRecord>;
  cookies: Record<Role | "stranger" | "admin", string>;
};

/** A network with one member per role, a stranger from another network and an instance admin. */
export function createTestNetwork(
  h: Pick<Harness, "db" | "deps">,
  passwordHash: string | null = null,
): TestNetwork {
  const { db } = h;
  const network = createNetwork(db, { name: "Test network", country: "Testland", description: "" });
  const orgA = createOrganisation(db, {
    networkId: network.id,
    name: "Agency A",
    acronym: "AA",
    type: "un-agency",
  });
  const orgB = createOrganisation(db, {
    networkId: network.id,
    name: "Ministry B",
    acronym: "MB",
    type: "ministry",
  });
  const other = createNetwork(db, { name: "Other network", country: "Elsewhere", description: "" });
  const otherOrg = createOrganisation(db, {
    networkId: other.id,
    name: "Outsider",
    acronym: "OUT",
    type: "civil-society-organisation",
  });
  const roles: Role[] = ["coordinator", "editor", "commenter", "viewer"];
  const users = {} as TestNetwork["users"];
  for (const role of roles) {
    const user = createUser(db, {
      email: `${role}@example.test`,
      name: `The ${role}`,
      passwordHash,
    });
    addMembership(db, {
      networkId: network.id,
      userId: user.id,
      organisationId: role === "editor" ? orgB.id : orgA.id,
      role,
    });
    users[role] = user;
  }
  users.stranger = createUser(db, {
    email: "stranger@example.test",
    name: "A stranger",
    passwordHash,
  });
  addMembership(db, {
    networkId: other.id,
    userId: users.stranger.id,
    organisationId: otherOrg.id,
    role: "coordinator",
  });
  users.admin = createUser(db, {
    email: "admin@example.test",
    name: "The admin",
    passwordHash,
    isAdmin: true,
  });
  const workplan = createWorkplan(db, {
    networkId: network.id,
    title: "Joint workplan",
    createdBy: users.coordinator.id,
  });
  const cookies = {} as TestNetwork["cookies"];
  for (const [key, user] of Object.entries(users)) {
    cookies[key as keyof TestNetwork["cookies"]] =
      `junction_session=${createSession(h.deps, user.id, "test").token}`;
  }
  return {
    networkId: network.id,
    orgA: orgA.id,
    orgB: orgB.id,
    otherOrg: otherOrg.id,
    workplanId: workplan.id,
    users,
    cookies,
  };
}

/** Everything in the database except the session rows a request may legitimately touch. */
export function snapshotDatabase(db: Db): string {
  const tables = db
    .prepare(
      testDatabaseUrl()
        ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
    )
    .all() as { name: string }[];
  // rows in a fixed order whatever the database stores them in
  const rowsOf = (table: string) =>
    db
      .prepare(`SELECT * FROM "${table}"`)
      .all()
      .map((row) => JSON.stringify(row))
      .sort();
  return JSON.stringify(
    tables.filter((t) => t.name !== "sessions").map((t) => [t.name, rowsOf(t.name)]),
  );
}

/** The harness's SQLite connection, for tests of what only SQLite has (locks held by a second connection to its file). */
export function sqliteOf(h: Harness): SqliteDb {
  if (testDatabaseUrl()) throw new Error("this test needs SQLite: skip it on PostgreSQL");
  return h.db as SqliteDb;
}
