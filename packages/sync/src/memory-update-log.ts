import type { LoadedDocument, LoggedUpdate, UpdateLog } from "./update-log";

/** A stored update or snapshot moved aside because it does not apply cleanly. */
export type QuarantinedEntry = {
  readonly kind: "update" | "snapshot";
  /** The update's id, or the last update id the snapshot covered. */
  readonly sourceId: number;
  readonly data: Uint8Array;
  readonly reason: string;
};

type StoredDocument = {
  snapshot: Uint8Array | null;
  snapshotId: number;
  updates: LoggedUpdate[];
  quarantined: QuarantinedEntry[];
};

export type MemoryUpdateLog = UpdateLog & {
  /** Updates currently stored for `docName` (tests look inside). */
  updatesOf(docName: string): readonly LoggedUpdate[];
  snapshotOf(docName: string): Uint8Array | null;
  quarantinedOf(docName: string): readonly QuarantinedEntry[];
};

/** An UpdateLog in memory: for tests and benchmarks, durable only as long as the process. */
export function createMemoryUpdateLog(): MemoryUpdateLog {
  const documents = new Map<string, StoredDocument>();
  let lastId = 0;
  const documentOf = (docName: string): StoredDocument => {
    let stored = documents.get(docName);
    if (!stored) {
      stored = { snapshot: null, snapshotId: 0, updates: [], quarantined: [] };
      documents.set(docName, stored);
    }
    return stored;
  };
  const replaceSnapshot = (
    stored: StoredDocument,
    snapshot: Uint8Array,
    snapshotId: number,
    upToId: number,
  ): void => {
    stored.snapshot = snapshot.slice();
    stored.snapshotId = snapshotId;
    stored.updates = stored.updates.filter((logged) => logged.id > upToId);
  };
  return {
    load(docName): LoadedDocument {
      const stored = documents.get(docName);
      return { snapshot: stored?.snapshot ?? null, updates: [...(stored?.updates ?? [])] };
    },
    append(batches) {
      return batches.map(({ docName, updates }) => {
        const stored = documentOf(docName);
        return updates.map((update) => {
          const id = ++lastId;
          stored.updates.push({ id, update: update.slice() });
          return id;
        });
      });
    },
    compact(docName, snapshot, upToId) {
      const stored = documentOf(docName);
      if (upToId < stored.snapshotId) return;
      replaceSnapshot(stored, snapshot, upToId, upToId);
    },
    quarantine(docName, { updates, snapshotReason, state, upToId }) {
      const stored = documentOf(docName);
      if (snapshotReason !== null && stored.snapshot !== null) {
        stored.quarantined.push({
          kind: "snapshot",
          sourceId: stored.snapshotId,
          data: stored.snapshot,
          reason: snapshotReason,
        });
      }
      for (const { id, reason } of updates) {
        const logged = stored.updates.find((entry) => entry.id === id);
        if (logged === undefined) continue;
        stored.quarantined.push({ kind: "update", sourceId: id, data: logged.update, reason });
        stored.updates = stored.updates.filter((entry) => entry !== logged);
      }
      replaceSnapshot(stored, state, Math.max(stored.snapshotId, upToId), upToId);
    },
    updatesOf(docName) {
      return documents.get(docName)?.updates ?? [];
    },
    snapshotOf(docName) {
      return documents.get(docName)?.snapshot ?? null;
    },
    quarantinedOf(docName) {
      return documents.get(docName)?.quarantined ?? [];
    },
  };
}
