import type { SyncLimits } from "./limits";
import type { Logger } from "./logger";
import { describeError } from "./protocol";
import type { SyncCounters } from "./stats";
import { afterIo, startTimer, stopTimer, type TimerHandle } from "./timers";
import type { UpdateLog } from "./update-log";
import type { PendingUpdate } from "./update-queue";

/** What the group commit asks of a room (`Room` provides it). */
export interface CommittingRoom {
  readonly docName: string;
  /** Hands over the updates queued this turn that may be stored, corrections included. */
  takePending(): PendingUpdate[];
  /** The batch is stored (`ids` are its rows): apply it, which broadcasts it. */
  commit(accepted: readonly PendingUpdate[], ids: readonly number[]): void;
  /** The batch could not be stored: nothing of it is applied; its senders reconnect and resend. */
  refuse(accepted: readonly PendingUpdate[]): void;
  /** Frees the room after a failure left its document in doubt; the next connection reloads it. */
  discard(): void;
}

export type GroupCommitContext = {
  readonly log: UpdateLog;
  readonly logger: Logger;
  readonly limits: Pick<SyncLimits, "minFlushIntervalMs">;
  readonly counters: SyncCounters;
};

type Batch = { readonly room: CommittingRoom; readonly accepted: PendingUpdate[] };

/** Per batch, the ids of its stored rows, or null where it could not be stored. */
type Stored = (number[] | null)[];

/**
 * Stores every room's queued updates in one `append` (one SQLite transaction) once per turn of
 * the event loop, then lets each room apply and broadcast its own. When that append fails, each
 * room's batch is tried alone, so one batch that cannot be stored is refused alone.
 */
export class GroupCommit {
  /** Rooms that queued updates since the last flush: a flush looks at these alone. */
  private readonly queued = new Set<CommittingRoom>();
  private isScheduled = false;
  /** Waiting out `minFlushIntervalMs` since the last append, or null. */
  private timer: TimerHandle | null = null;
  private lastAppendAt = Number.NEGATIVE_INFINITY;

  constructor(private readonly context: GroupCommitContext) {}

  /** Stores `room`'s queued updates, with every other room's, once this turn's I/O is handled. */
  request(room: CommittingRoom): void {
    this.queued.add(room);
    if (this.isScheduled) return;
    this.isScheduled = true;
    const run = (): void => {
      if (!this.isScheduled) return;
      try {
        this.flush();
      } catch (error) {
        // flush contains its failures per room; this is the last line before the process
        this.context.logger.error("Flush failed", { error: describeError(error) });
      }
    };
    // one append per turn of the event loop, for every room, and at most one per interval:
    // under load the updates arriving meanwhile share the next commit
    const waitMs = this.context.limits.minFlushIntervalMs - (Date.now() - this.lastAppendAt);
    if (waitMs > 0) this.timer = startTimer(run, waitMs);
    else afterIo(run);
  }

  /** The room is gone: nothing of it is stored any more. */
  forget(room: CommittingRoom): void {
    this.queued.delete(room);
  }

  /** Stores every queued update now, then each room applies and broadcasts what was stored. */
  flush(): void {
    this.isScheduled = false;
    stopTimer(this.timer);
    this.timer = null;
    const batches = this.takeBatches();
    if (batches.length === 0) return;
    this.lastAppendAt = Date.now();
    // append before broadcast: a crash must not lose an update another client has seen
    const stored = this.store(batches);
    batches.forEach(({ room, accepted }, i) => {
      const ids = stored[i];
      if (ids === null || ids === undefined) room.refuse(accepted);
      else this.commit(room, accepted, ids);
    });
  }

  private takeBatches(): Batch[] {
    const batches: Batch[] = [];
    for (const room of [...this.queued]) {
      this.queued.delete(room);
      try {
        const accepted = room.takePending();
        if (accepted.length > 0) batches.push({ room, accepted });
      } catch (error) {
        // its queue is in doubt: drop it, never the other rooms'
        this.context.logger.error("Could not take a room's queued updates; reloading it", {
          workplanId: room.docName,
          error: describeError(error),
        });
        room.discard();
      }
    }
    return batches;
  }

  private store(batches: readonly Batch[]): Stored {
    const together = this.append(batches);
    if (together !== null || batches.length === 1) return together ?? [null];
    // each alone, smallest first: a batch too big for a nearly full disk fails alone, while a
    // small one failing too (or a second one) says the storage itself is down: stop trying
    const stored: Stored = batches.map(() => null);
    const order = indicesBySize(batches);
    let storedCount = 0;
    let failedCount = 0;
    while (order.length > 0) {
      const i = order.shift() as number;
      const alone = this.append([batches[i] as Batch]);
      if (alone !== null) {
        stored[i] = alone[0] ?? [];
        storedCount++;
      } else if (storedCount === 0 || ++failedCount === 2) {
        break;
      }
    }
    if (order.length > 0) {
      this.context.logger.error("The storage is unavailable; refused the other updates untried", {
        workplanIds: order.map((i) => batches[i]?.room.docName),
      });
    }
    return stored;
  }

  /** One transaction for `batches`; null when it threw, which means nothing was stored. */
  private append(batches: readonly Batch[]): number[][] | null {
    try {
      return this.context.log.append(
        batches.map(({ room, accepted }) => ({
          docName: room.docName,
          updates: accepted.map(({ update }) => update),
        })),
      );
    } catch (error) {
      this.context.counters.storageFailures++;
      this.context.logger.error(
        batches.length > 1
          ? "Could not store updates; trying each workplan's alone"
          : "Could not store updates; refused them",
        {
          workplanIds: batches.map(({ room }) => room.docName),
          updates: batches.reduce((count, { accepted }) => count + accepted.length, 0),
          error: describeError(error),
        },
      );
      return null;
    }
  }

  private commit(room: CommittingRoom, accepted: readonly PendingUpdate[], ids: number[]): void {
    try {
      room.commit(accepted, ids);
    } catch (error) {
      // the log has the batch; a fresh load replays it (and quarantines what does not apply)
      this.context.logger.error("Could not apply stored updates; reloading the document", {
        workplanId: room.docName,
        error: describeError(error),
      });
      room.discard();
    }
  }
}

function indicesBySize(batches: readonly Batch[]): number[] {
  const bytes = batches.map(({ accepted }) =>
    accepted.reduce((sum, { update }) => sum + update.byteLength, 0),
  );
  return batches.map((_, i) => i).sort((a, b) => (bytes[a] ?? 0) - (bytes[b] ?? 0));
}
