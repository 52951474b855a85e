import type { Activity } from "@junction/domain";
import { readActivities } from "@junction/domain/doc";
import {
  findWorkplan,
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

export function createActivityIndexer(
  deps: Deps,
  load: LoadDocument,
  onIndexed: OnIndexed,
): ActivityIndexer {
  const pending = new Map<string, { timer: ReturnType<typeof setTimeout>; ydoc: Y.Doc }>();

  function index(workplanId: string, ydoc: Y.Doc): void {
    const workplan = findWorkplan(deps.db, workplanId);
    if (!workplan) return;
    try {
      const before = listWorkplanActivities(deps.db, workplanId);
      const after = readActivities(ydoc);
      replaceWorkplanActivities(deps.db, workplan, after, deps.now());
      touchWorkplan(deps.db, workplanId, deps.now());
      onIndexed(workplan, before, after);
    } catch (error) {
      // the index is derived data: a failed refresh is retried on the next change
      deps.log.warn("could not refresh the activity index", { workplanId, error });
    }
  }

  function run(workplanId: string): void {
    const entry = pending.get(workplanId);
    if (!entry) return;
    pending.delete(workplanId);
    index(workplanId, entry.ydoc);
  }

  return {
    schedule(workplanId, ydoc) {
      const existing = pending.get(workplanId);
      if (existing) clearTimeout(existing.timer);
      pending.set(workplanId, { ydoc, timer: setTimeout(() => run(workplanId), DEBOUNCE_MS) });
    },
    indexAll() {
      for (const network of listNetworks(deps.db)) {
        for (const workplan of listWorkplans(deps.db, network.id)) {
          const stored = load(workplan.id);
          const ydoc = new Y.Doc();
          if (stored.snapshot) Y.applyUpdate(ydoc, stored.snapshot);
          for (const { update } of stored.updates) Y.applyUpdate(ydoc, update);
          index(workplan.id, ydoc);
          ydoc.destroy();
        }
      }
    },
    flush() {
      for (const workplanId of [...pending.keys()]) {
        const entry = pending.get(workplanId);
        if (entry) clearTimeout(entry.timer);
        run(workplanId);
      }
    },
    close() {
      for (const entry of pending.values()) clearTimeout(entry.timer);
      pending.clear();
    },
  };
}
