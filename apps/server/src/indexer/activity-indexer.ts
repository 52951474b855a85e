import type { Activity } from "@junction/domain";
import { readActivities } from "@junction/domain/doc";
import {
  findWorkplan,
  isStorageUnavailable,
  listNetworks,
  listWorkplanActivities,
  listWorkplans,
  replaceWorkplanActivities,
  touchWorkplan,
} from "@junction/store";
import * as Y from "yjs";
import type { Deps } from "./deps";

type LoadDocument = (workplanId: string) => {
  snapshot: Uint8Array | null;
  updates: { update: Uint8Array }[];
};

export type ActivityIndexer = {
  /** A document changed: re-read its activities shortly (debounced per workplan). */
  schedule(workplanId: string, ydoc: Y.Doc): void;
  /** Re-reads every workplan from storage (start-up). */
  indexAll(): void;
  flush(): void;
  close(): void;
};

const DEBOUNCE_MS = 250;

/** Keeps the activity index in the database in step with the workplan documents. */
type OnIndexed = (
  workplan: { id: string; networkId: string },
  before: readonly Activity[],
  after: readonly Activity[],
) => void;

export type IndexerOptions = { debounceMs: number; firstRetryMs: number; maxRetryMs: number };

const DEFAULTS = {
  debounceMs: DEBOUNCE_MS,
  firstRetryMs: 250,
  maxRetryMs: 10_000,
} satisfies IndexerOptions;

type Pending = {
  timer: ReturnType<typeof setTimeout>;
  /** The room's document; null (or destroyed, once the room unloaded) means read it from storage. */
  ydoc: Y.Doc | null;
  /** The pause before the next attempt if this one finds the database busy. */
  retryMs: number;
};

export function createActivityIndexer(
  deps: Pick<Deps, "db" | "log" | "now">,
  load: LoadDocument,
  onIndexed: OnIndexed,
  options: Partial<IndexerOptions> = {},
): ActivityIndexer {
  const { debounceMs, firstRetryMs, maxRetryMs } = { ...DEFAULTS, ...options };
  const pending = new Map<string, Pending>();

  function loadDocument(workplanId: string): Y.Doc {
    const stored = load(workplanId);
    const ydoc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(ydoc, update);
    return ydoc;
  }

  /** Answers false when the database was busy: nothing was written, try again later. */
  function index(workplanId: string, ydoc: Y.Doc): boolean {
    try {
      const workplan = findWorkplan(deps.db, workplanId);
      if (!workplan) return true;
      const after = readActivities(ydoc);
      // one transaction, taken up front: the index and its warnings change together or not at all
      const refresh = deps.db.transaction(() => {
        const before = listWorkplanActivities(deps.db, workplanId);
        replaceWorkplanActivities(deps.db, workplan, after, deps.now());
        touchWorkplan(deps.db, workplanId, deps.now());
        onIndexed(workplan, before, after);
      });
      refresh.immediate();
      return true;
    } catch (error) {
      if (isStorageUnavailable(error)) return false;
      // the index is derived data: a refresh that failed otherwise is retried on the next change
      deps.log.warn("could not refresh the activity index", { workplanId, error });
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
    let ydoc: Y.Doc;
    try {
      ydoc = live ?? loadDocument(workplanId);
    } catch (error) {
      deps.log.warn("could not read a workplan to index it", { workplanId, error });
      return;
    }
    const done = index(workplanId, ydoc);
    if (live === null) ydoc.destroy();
    if (done || pending.has(workplanId)) return;
    // busy: off the hot path, with growing pauses, until the database takes the write
    deps.log.warn("the database is busy; will refresh the activity index later", {
      workplanId,
      inMs: entry.retryMs,
    });
    arm(
      workplanId,
      { ydoc: live, retryMs: Math.min(maxRetryMs, entry.retryMs * 2) },
      entry.retryMs,
    );
  }

  return {
    schedule(workplanId, ydoc) {
      const existing = pending.get(workplanId);
      if (existing) clearTimeout(existing.timer);
      arm(workplanId, { ydoc, retryMs: firstRetryMs }, debounceMs);
    },
    indexAll() {
      for (const network of listNetworks(deps.db)) {
        for (const workplan of listWorkplans(deps.db, network.id)) {
          const ydoc = loadDocument(workplan.id);
          const done = index(workplan.id, ydoc);
          ydoc.destroy();
          if (!done) arm(workplan.id, { ydoc: null, retryMs: firstRetryMs * 2 }, firstRetryMs);
        }
      }
    },
    flush() {
      for (const workplanId of [...pending.keys()]) {
        const entry = pending.get(workplanId);
        if (entry) clearTimeout(entry.timer);
        run(workplanId);
        const retry = pending.get(workplanId);
        if (retry) {
          // stopping: the next start re-reads every workplan anyway (indexAll)
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
