import type * as Y from "yjs";
import type { DocumentCaches } from "./document-caches";
import type { Logger } from "./logger";
import { describeError } from "./protocol";
import type { RoomLog } from "./room-log";
import type { RoomMembers } from "./room-members";
import type { SyncCounters } from "./stats";
import { startTimer, stopTimer, type TimerHandle } from "./timers";
import { hasHeldBack } from "./update-check";
import type { UpdateLog } from "./update-log";

type CompactionContext = {
  readonly log: UpdateLog;
  readonly logger: Logger;
  readonly counters: SyncCounters;
  readonly compactAfterUpdates: number;
  /** Stores every room's pending updates now. */
  readonly flush: () => void;
  /**
   * With other processes: applies what they stored that this document lacks (throws when the
   * log cannot be read), so the snapshot never covers a row it does not hold.
   */
  readonly catchUp: (() => void) | undefined;
  /** With other processes: whether this one may compact the document now (one at a time). */
  readonly claim: (() => Promise<boolean>) | undefined;
};

/**
 * Folds a room's stored rows into one snapshot (covering up to row X, then deleting only rows
 * with id <= X): in the background once `compactAfterUpdates` rows piled up, and on unload.
 */
export class RoomCompaction {
  private timer: TimerHandle | null = null;
  private isStopped = false;
  private isClaiming = false;

  constructor(
    private readonly docName: string,
    private readonly ydoc: Y.Doc,
    private readonly context: CompactionContext,
    private readonly roomLog: RoomLog,
    private readonly caches: DocumentCaches,
    private readonly members: RoomMembers,
  ) {}

  scheduleIfDue(): void {
    const { compactAfterUpdates } = this.context;
    if (compactAfterUpdates <= 0 || this.roomLog.updatesSinceSnapshot < compactAfterUpdates) return;
    if (this.timer !== null || this.isStopped || this.isClaiming) return;
    // off the hot path: encoding a large document is the expensive part
    this.timer = startTimer(() => this.compactWhenClaimed(), 0);
  }

  /** Writes a snapshot covering every stored update and deletes them from the log. */
  compact(): void {
    stopTimer(this.timer);
    this.timer = null;
    const { log, logger, counters, flush, catchUp } = this.context;
    flush();
    if (this.roomLog.updatesSinceSnapshot === 0 || this.isStopped) return;
    if (catchUp !== undefined) {
      try {
        catchUp();
      } catch (error) {
        logger.warn("Did not compact: could not catch up from the log", {
          ...this.members.fields(),
          error: describeError(error),
        });
        return;
      }
    }
    if (hasHeldBack(this.ydoc)) {
      // never fold a held-back rest into a snapshot, where every load would hold it again
      logger.error("Did not compact: the document holds structs back", this.members.fields());
      return;
    }
    if (this.roomLog.isOwing) {
      if (this.roomLog.quarantine([], null, "at compaction")) counters.compactions++;
      return;
    }
    const upToId = this.roomLog.lastUpdateId;
    try {
      const state = this.caches.encodedState();
      log.compact(this.docName, state, upToId);
      this.roomLog.noteCompacted();
      this.caches.setSizeBound(state.length);
      counters.compactions++;
      logger.debug("Compacted document", { ...this.members.fields(), upToId, bytes: state.length });
    } catch (error) {
      // the log still holds every update; compaction is retried after the next updates or on unload
      logger.warn("Compaction failed", { ...this.members.fields(), error: describeError(error) });
    }
  }

  /** Compacts once this process holds the claim; another process holding it compacts instead. */
  private compactWhenClaimed(): void {
    this.timer = null;
    const { claim } = this.context;
    if (claim === undefined) {
      this.members.runSafely("compact", null, () => this.compact());
      return;
    }
    this.isClaiming = true;
    void claim().then((isClaimed) => {
      this.isClaiming = false;
      if (this.isStopped) return;
      if (isClaimed) this.members.runSafely("compact", null, () => this.compact());
      // another process compacts it: count afresh rather than ask again after every batch
      else this.roomLog.noteCompacted();
    });
  }

  /** The room is gone: no compaction runs any more. */
  stop(): void {
    this.isStopped = true;
    stopTimer(this.timer);
    this.timer = null;
  }
}
