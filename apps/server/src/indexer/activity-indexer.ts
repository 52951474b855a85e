import type { Activity } from "@junction/domain";
import { readActivities } from "@junction/domain/doc";
import {
  findWorkplan,
  isStorageUnavailable,
  lastUpdateId,
  listWorkplanActivities,
  listWorkplansToIndex,
  markWorkplanIndexed,
  replaceWorkplanActivities,
  touchWorkplan,
} from "@junction/store";
import type * as Y from "yjs";
import type { Deps } from "../deps";
import { mayChangeActivities } from "./activity-triage";

/** Reads a workplan's stored document. */
type LoadDocument = (workplanId: string) => Y.Doc;

export type ActivityIndexer = {
  /**
   * A live document changed (after every accepted batch): re-read its activities shortly
   * (debounced per workplan) when the change may have touched one; otherwise only note when the
   * workplan last changed, at most once a minute.
   */
  schedule(workplanId: string, ydoc: Y.Doc): void;
  /** Start-up: re-reads the workplans whose log moved since they were last indexed; answers how many. */
  indexStale(): number;
  flush(): void;
  close(): void;
};

/** A workplan's activities were re-read and differ from the index's: what was, what is. */
type OnIndexed = (
  workplan: { id: string; networkId: string },
  before: readonly Activity[],
  after: readonly Activity[],
) => void;

export type IndexerOptions = {
  debounceMs: number;
  firstRetryMs: number;
  maxRetryMs: number;
  /** How often a workplan whose narrative alone changes has its `updatedAt` moved. */
  touchEveryMs: number;
};

const DEFAULTS = {
  debounceMs: 250,
  firstRetryMs: 250,
  maxRetryMs: 10_000,
  touchEveryMs: 60_000,
} satisfies IndexerOptions;

type Pending = {
  timer: ReturnType<typeof setTimeout>;
  /** The room's document; null (or destroyed, once the room unloaded) means read it from storage. */
  ydoc: Y.Doc | null;
  /** `index`: re-read the activities; `touch`: only the narrative changed since the last read. */
  work: "index" | "touch";
  /** When the document last changed, as far as this entry knows. */
  changedAt: number;
  /** The pause before the next attempt if this one finds the database busy. */
  retryMs: number;
};

/** What the indexer knows of a live document since it first heard of it. */
type Watch = { mayHaveChangedActivities: boolean };

function sameActivities(before: readonly Activity[], after: readonly Activity[]): boolean {
  return (
    before.length === after.length &&
    before.every((activity, i) => JSON.stringify(activity) === JSON.stringify(after[i]))
  );
}

/**
 * Keeps the activity index in the database in step with the workplan documents: rows are
 * rewritten, the workplan touched and `onIndexed` told only when an activity changed, and each
 * workplan records the update it was last read at, so a start re-reads only what moved since.
 */
export function createActivityIndexer(
  deps: Pick<Deps, "db" | "log" | "now">,
  load: LoadDocument,
  onIndexed: OnIndexed,
  options: Partial<IndexerOptions> = {},
): ActivityIndexer {
  const { debounceMs, firstRetryMs, maxRetryMs, touchEveryMs } = { ...DEFAULTS, ...options };
  const pending = new Map<string, Pending>();
  const watches = new WeakMap<Y.Doc, Watch>();
  const touchedAt = new Map<string, number>();

  function watch(ydoc: Y.Doc): Watch {
    const known = watches.get(ydoc);
    if (known) return known;
    // what the changes before this one did is not known: the first one reads the activities
    const fresh: Watch = { mayHaveChangedActivities: true };
    watches.set(ydoc, fresh);
    ydoc.on("afterTransaction", (transaction: Y.Transaction) => {
      if (fresh.mayHaveChangedActivities) return;
      try {
        fresh.mayHaveChangedActivities = mayChangeActivities(transaction);
      } catch (error) {
        fresh.mayHaveChangedActivities = true;
        deps.log.warn("could not tell whether a change touched an activity", { error });
      }
    });
    return fresh;
  }

  /**
   * Reads the activities and writes what changed, in one transaction taken up front: the index
   * and its warnings change together or not at all. `changedAt` null: the document did not change
   * now (start-up), so the workplan is touched only if its activities did. Answers false when the
   * database was busy: nothing was written, try again later.
   */
  function index(workplanId: string, ydoc: Y.Doc, changedAt: number | null): boolean {
    try {
      const workplan = findWorkplan(deps.db, workplanId);
      if (!workplan) return true;
      const after = readActivities(ydoc);
      const refresh = deps.db.transaction(() => {
        const before: Activity[] = listWorkplanActivities(deps.db, workplanId).map(
          ({ workplanId: _workplanId, networkId: _networkId, ...activity }) => activity,
        );
        const isSame = sameActivities(before, after);
        if (!isSame) replaceWorkplanActivities(deps.db, workplan, after, deps.now());
        if (!isSame || changedAt !== null) {
          touchWorkplan(deps.db, workplanId, isSame ? (changedAt ?? deps.now()) : deps.now());
        }
        markWorkplanIndexed(deps.db, workplanId, lastUpdateId(deps.db, workplanId));
        if (!isSame) onIndexed(workplan, before, after);
      });
      refresh.immediate();
      touchedAt.set(workplanId, deps.now());
      return true;
    } catch (error) {
      if (isStorageUnavailable(error)) return false;
      // the index is derived data: a refresh that failed otherwise is retried on the next change
      const watched = watches.get(ydoc);
      if (watched) watched.mayHaveChangedActivities = true;
      deps.log.warn("could not refresh the activity index", { workplanId, error });
      return true;
    }
  }

  /** Only the narrative changed since the activities were read: they still hold, say when. */
  function touch(workplanId: string, changedAt: number): boolean {
    try {
      const write = deps.db.transaction(() => {
        touchWorkplan(deps.db, workplanId, changedAt);
        markWorkplanIndexed(deps.db, workplanId, lastUpdateId(deps.db, workplanId));
      });
      write.immediate();
      touchedAt.set(workplanId, deps.now());
      return true;
    } catch (error) {
      if (isStorageUnavailable(error)) return false;
      deps.log.warn("could not note when a workplan changed", { workplanId, error });
      return true;
    }
  }

  function arm(workplanId: string, entry: Omit<Pending, "timer">, delayMs: number): void {
    const timer = setTimeout(() => run(workplanId), delayMs);
    // a refresh waiting for a locked database must not keep a stopping process alive
    timer.unref?.();
    pending.set(workplanId, { ...entry, timer });
  }

  function run(workplanId: string): void {
    const entry = pending.get(workplanId);
    if (!entry) return;
    pending.delete(workplanId);
    const live = entry.ydoc !== null && !entry.ydoc.isDestroyed ? entry.ydoc : null;
    let done: boolean;
    if (entry.work === "touch") {
      done = touch(workplanId, entry.changedAt);
    } else {
      let ydoc: Y.Doc;
      try {
        ydoc = live ?? load(workplanId);
      } catch (error) {
        deps.log.warn("could not read a workplan to index it", { workplanId, error });
        return;
      }
      done = index(workplanId, ydoc, entry.changedAt);
      if (live === null) ydoc.destroy();
    }
    if (done || pending.has(workplanId)) return;
    // busy: off the hot path, with growing pauses, until the database takes the write
    deps.log.warn("the database is busy; will refresh the activity index later", {
      workplanId,
      inMs: entry.retryMs,
    });
    arm(
      workplanId,
      { ...entry, ydoc: live, retryMs: Math.min(maxRetryMs, entry.retryMs * 2) },
      entry.retryMs,
    );
  }

  return {
    schedule(workplanId, ydoc) {
      const watched = watch(ydoc);
      const now = deps.now();
      const existing = pending.get(workplanId);
      if (watched.mayHaveChangedActivities) {
        watched.mayHaveChangedActivities = false;
        if (existing) clearTimeout(existing.timer);
        arm(workplanId, { ydoc, work: "index", changedAt: now, retryMs: firstRetryMs }, debounceMs);
        return;
      }
      if (existing) {
        // the refresh or the note already waiting reads the document as it is by then
        if (existing.work === "index") existing.ydoc = ydoc;
        existing.changedAt = now;
        return;
      }
      const sinceTouch = now - (touchedAt.get(workplanId) ?? Number.NEGATIVE_INFINITY);
      arm(
        workplanId,
        { ydoc: null, work: "touch", changedAt: now, retryMs: firstRetryMs },
        Math.max(debounceMs, touchEveryMs - sinceTouch),
      );
    },
    indexStale() {
      const stale = listWorkplansToIndex(deps.db);
      for (const workplan of stale) {
        let ydoc: Y.Doc;
        try {
          ydoc = load(workplan.id);
        } catch (error) {
          deps.log.warn("could not read a workplan to index it", {
            workplanId: workplan.id,
            error,
          });
          continue;
        }
        const done = index(workplan.id, ydoc, null);
        ydoc.destroy();
        if (!done) {
          arm(
            workplan.id,
            { ydoc: null, work: "index", changedAt: deps.now(), retryMs: firstRetryMs * 2 },
            firstRetryMs,
          );
        }
      }
      return stale.length;
    },
    flush() {
      for (const workplanId of [...pending.keys()]) {
        const entry = pending.get(workplanId);
        if (entry) clearTimeout(entry.timer);
        run(workplanId);
        const retry = pending.get(workplanId);
        if (retry) {
          // stopping: the next start re-reads what moved since it was last indexed (indexStale)
          clearTimeout(retry.timer);
          pending.delete(workplanId);
        }
      }
    },
    close() {
      for (const entry of pending.values()) clearTimeout(entry.timer);
      pending.clear();
    },
  };
}
