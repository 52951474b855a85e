import type { LoadedDocument, LoggedUpdate, UpdateLog } from "./update-log";

type StoredDocument = { snapshot: Uint8Array | null; snapshotId: number; updates: LoggedUpdate[] };

export type MemoryUpdateLog = UpdateLog & {
  /** Updates currently stored for `docName` (tests look inside). */
  updatesOf(docName: string): readonly LoggedUpdate[];
  snapshotOf(docName: string): Uint8Array | null;
};

/** An UpdateLog in memory: for tests and benchmarks, durable only as long as the process. */
export function createMemoryUpdateLog(): MemoryUpdateLog {
  const documents = new Map<string, StoredDocument>();
  let lastId = 0;
  const documentOf = (docName: string): StoredDocument => {
    let stored = documents.get(docName);
    if (!stored) {
      stored = { snapshot: null, snapshotId: 0, updates: [] };
      documents.set(docName, stored);
    }
    return stored;
  };
  return {
    load(docName): LoadedDocument {
      const stored = documents.get(docName);
      return { snapshot: stored?.snapshot ?? null, updates: [...(stored?.updates ?? [])] };
    },
    append(batches) {
      return batches.map(({ docName, updates }) => {
        const stored = documentOf(docName);
        for (const update of updates) stored.updates.push({ id: ++lastId, update: update.slice() });
        return lastId;
      });
    },
    compact(docName, snapshot, upToId) {
      const stored = documentOf(docName);
      if (upToId < stored.snapshotId) return;
      stored.snapshot = snapshot.slice();
      stored.snapshotId = upToId;
      stored.updates = stored.updates.filter((logged) => logged.id > upToId);
    },
    updatesOf(docName) {
      return documents.get(docName)?.updates ?? [];
    },
    snapshotOf(docName) {
      return documents.get(docName)?.snapshot ?? null;
    },
  };
}
