import type * as Y from "yjs";
import { LogCoverage } from "./document-bus";
import type { DocumentCaches } from "./document-caches";
import type { Logger } from "./logger";
import { quarantineRestored, restoreDocument } from "./restore";
import type { SyncCounters } from "./stats";
import type { LoadedDocument, Quarantine, UpdateLog } from "./update-log";

type RoomLogContext = {
  readonly log: UpdateLog;
  readonly logger: Logger;
  readonly counters: SyncCounters;
};

/**
 * What a room's document covers of its log: the newest stored row, the rows since the last
 * snapshot, and rows to move aside that the log could not take yet. Loads the document and
 * quarantines what does not apply cleanly.
 */
export class RoomLog {
  /** The newest row the document holds. */
  lastUpdateId = 0;
  /** Which rows the document holds, rows other processes stored included. */
  readonly coverage = new LogCoverage();
  /** Rows stored since the snapshot: what a compaction would fold in. */
  updatesSinceSnapshot = 0;
  /** Stored rows to move aside that the log could not take yet (retried at compaction). */
  private owed: Pick<Quarantine, "updates" | "snapshotReason"> | null = null;

  constructor(
    private readonly docName: string,
    private readonly ydoc: Y.Doc,
    private readonly context: RoomLogContext,
    private readonly caches: DocumentCaches,
  ) {}

  /** Whether rows wait to be quarantined: until they are, no compaction may delete them. */
  get isOwing(): boolean {
    return this.owed !== null;
  }

  /** Replays the snapshot and the log into the document; what does not apply cleanly is quarantined. */
  restore(loaded: LoadedDocument): void {
    const restored = restoreDocument(this.ydoc, loaded);
    this.lastUpdateId = restored.lastUpdateId;
    this.coverage.coverTo(restored.lastUpdateId);
    this.caches.setSizeBound(restored.storedBytes);
    this.updatesSinceSnapshot = loaded.updates.length;
    if (restored.quarantined.length > 0 || restored.snapshotReason !== null) {
      this.quarantine(restored.quarantined, restored.snapshotReason, "on load");
    }
  }

  /** `count` more rows were stored for the document. */
  countStored(count: number): void {
    this.updatesSinceSnapshot += count;
  }

  /** The document is about to hold row `id`. */
  advanceTo(id: number): void {
    if (id > this.lastUpdateId) this.lastUpdateId = id;
    this.coverage.add(id);
  }

  /**
   * The document holds every row up to `id` (it caught up from the log), so a snapshot may now
   * cover them. Rows other processes stored advance only this way: a snapshot covering a row the
   * document lacks would delete it.
   */
  coverTo(id: number): void {
    this.coverage.coverTo(id);
    this.advanceTo(this.coverage.covered);
  }

  /** A snapshot now covers every stored row. */
  noteCompacted(): void {
    this.updatesSinceSnapshot = 0;
  }

  /**
   * Moves broken stored state aside (with what is owed) and stores the document as it is as the
   * new snapshot. Answers whether the log took it; if not, the rows are owed.
   */
  quarantine(updates: Quarantine["updates"], snapshotReason: string | null, when: string): boolean {
    const owed = this.owed;
    const all = { updates: [...(owed?.updates ?? []), ...updates], snapshotReason };
    all.snapshotReason ??= owed?.snapshotReason ?? null;
    const restored = { ...all, quarantined: all.updates, lastUpdateId: this.lastUpdateId };
    const { log, logger, counters } = this.context;
    const isQuarantined = quarantineRestored(log, logger, this.docName, this.ydoc, restored, {
      when,
    });
    if (!isQuarantined) {
      // until it is, a compaction must not delete these rows: it quarantines them instead
      this.owed = all;
      return false;
    }
    this.owed = null;
    this.updatesSinceSnapshot = 0;
    this.caches.measureSize(0);
    counters.quarantinedUpdates += all.updates.length;
    return true;
  }
}
