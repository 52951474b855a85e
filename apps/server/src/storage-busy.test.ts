import { emptyActivity } from "@junction/domain";
import { appendNarrative } from "@junction/domain/doc";
import {
  type Db,
  listUserNotifications,
  listWorkplanActivities,
  listWorkplans,
  openDatabase,
  replaceWorkplanActivities,
} from "@junction/store";
import { testDatabaseUrl } from "@junction/store/testing";
import { DocumentUnavailableError } from "@junction/sync";
import { afterEach, describe, expect, it, vi } from "vitest";
import * as Y from "yjs";
import { createActivityIndexer } from "./indexer/activity-indexer";
import type { Logger } from "./log";
import { notify } from "./services/notifications";
import { createHarness, createTestNetwork, type Harness, ORIGIN, sqliteOf } from "./test/harness";

let harness: Harness | null = null;
const locks: Db[] = [];
afterEach(() => {
  for (const lock of locks.splice(0)) {
    if (lock.inTransaction) lock.exec("ROLLBACK");
    lock.close();
  }
  harness?.close();
  harness = null;
});

function setUp() {
  const h = createHarness();
  harness = h;
  return { h, n: createTestNetwork(h) };
}

/** A second connection to the same file, as another process would hold it. */
function lockDatabase(h: Harness): { release(): void } {
  const other = openDatabase(sqliteOf(h).name);
  locks.push(other);
  other.exec("BEGIN IMMEDIATE");
  return { release: () => other.exec("ROLLBACK") };
}

/** Calls `then` the first time the server logs `message`. */
function onLog(h: Harness, message: string, then: () => void): void {
  const previous = h.deps.log;
  const watch = (write: (m: string, f?: Record<string, unknown>) => void) => {
    return (m: string, f?: Record<string, unknown>) => {
      if (m === message) then();
      write(m, f);
    };
  };
  const logger: Logger = {
    debug: watch(previous.debug),
    info: watch(previous.info),
    warn: watch(previous.warn),
    error: watch(previous.error),
    child: () => logger,
  };
  h.deps.log = logger;
}

// a second connection locking the file is SQLite's; PostgreSQL's locks are tested in packages/store
describe.skipIf(testDatabaseUrl() !== null)("a database locked by another process", () => {
  it("rides out a short lock: a change is tried once more, without blocking, and saved once", async () => {
    const { h, n } = setUp();
    const lock = lockDatabase(h);
    onLog(h, "the database was busy; trying the request once more", () => lock.release());
    const response = await h.request(`/api/networks/${n.networkId}/workplans`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { title: "Written after a short lock" },
    });
    expect(response.status).toBe(201);
    const titles = listWorkplans(h.db, n.networkId).map((w) => w.title);
    expect(titles.filter((t) => t === "Written after a short lock")).toHaveLength(1);
  });

  it("answers 503 with Retry-After when the status cannot be stored, and sets nothing", async () => {
    const { h, n } = setUp();
    const activity = { ...emptyActivity("X1"), lead: n.orgA };
    replaceWorkplanActivities(h.db, { id: n.workplanId, networkId: n.networkId }, [activity]);
    h.deps.live = {
      ...h.deps.live,
      change: (_workplanId, edit) => {
        const ydoc = new Y.Doc();
        appendNarrative(ydoc, [{ kind: "activity", activity }]);
        edit(ydoc);
        throw Object.assign(new Error("database is locked"), { code: "SQLITE_BUSY" });
      },
    };
    const response = await h.request(`/api/workplans/${n.workplanId}/activities/X1/status`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { status: "completed" },
    });
    expect(response.status).toBe(503);
    expect(response.headers.get("retry-after")).toBe("5");
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(
      /nothing was saved/,
    );
  });

  it("answers a fault in a document change 500 and logs it, and an unreachable document 503", async () => {
    const { h, n } = setUp();
    const activity = { ...emptyActivity("X1"), lead: n.orgA };
    replaceWorkplanActivities(h.db, { id: n.workplanId, networkId: n.networkId }, [activity]);
    const setStatus = () =>
      h.request(`/api/workplans/${n.workplanId}/activities/X1/status`, {
        method: "POST",
        headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
        json: { status: "completed" },
      });
    let logged = false;
    onLog(h, "unhandled error", () => {
      logged = true;
    });
    h.deps.live = {
      ...h.deps.live,
      change: () => {
        throw new TypeError("Cannot read properties of null (reading 'toJSON')");
      },
    };
    // "try again" would hide a fault for good: it is told as one, and logged
    expect((await setStatus()).status).toBe(500);
    expect(logged).toBe(true);

    h.deps.live = {
      ...h.deps.live,
      change: () => {
        throw new DocumentUnavailableError(`Document ${n.workplanId} could not be loaded`);
      },
    };
    const unreachable = await setStatus();
    expect(unreachable.status).toBe(503);
    expect(unreachable.headers.get("retry-after")).toBe("5");
  });

  it("still answers a reader whose session is due for renewal", async () => {
    const { h, n } = setUp();
    h.advance(2 * 60 * 60 * 1000);
    lockDatabase(h);
    const response = await h.request("/api/me", { headers: { cookie: n.cookies.editor } });
    expect(response.status).toBe(200);
  });

  it("stores a notification once the lock is gone, after the change it reports", async () => {
    const { h, n } = setUp();
    const lock = lockDatabase(h);
    expect(() =>
      notify(h.deps, {
        userId: n.users.editor.id,
        networkId: n.networkId,
        kind: "mention",
        actorId: n.users.coordinator.id,
        message: "The coordinator mentioned you",
        subject: { workplanId: n.workplanId },
      }),
    ).not.toThrow();
    expect(listUserNotifications(h.db, n.users.editor.id, 10)).toHaveLength(0);
    lock.release();
    await vi.waitFor(() =>
      expect(listUserNotifications(h.db, n.users.editor.id, 10).map((x) => x.message)).toEqual([
        "The coordinator mentioned you",
      ]),
    );
  });

  it("refreshes the activity index once the lock is gone, with no further edit", async () => {
    const { h, n } = setUp();
    const ydoc = new Y.Doc();
    appendNarrative(ydoc, [
      { kind: "activity", activity: { ...emptyActivity("X1"), title: "Written while locked" } },
    ]);
    const indexer = createActivityIndexer(
      h.deps,
      () => {
        const copy = new Y.Doc();
        Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc));
        return copy;
      },
      () => {},
      { debounceMs: 0, firstRetryMs: 20, maxRetryMs: 100 },
    );
    const lock = lockDatabase(h);
    onLog(h, "the database is busy; will refresh the activity index later", () => lock.release());
    indexer.schedule(n.workplanId, ydoc);
    await vi.waitFor(() =>
      expect(listWorkplanActivities(h.db, n.workplanId).map((a) => a.title)).toEqual([
        "Written while locked",
      ]),
    );
    indexer.close();
  });
});
