import * as Y from "yjs";
import type { BusLink } from "./bus-link";
import type { RoomCompaction } from "./compaction";
import type { Connection } from "./connection";
import type { DocumentCaches } from "./document-caches";
import type { Logger } from "./logger";
import { describeError, encodeSyncMessage, SYNC_UPDATE } from "./protocol";
import type { RoomLog } from "./room-log";
import type { RoomMembers } from "./room-members";
import type { SyncCounters } from "./stats";
import { dropHeldBack, hasHeldBack } from "./update-check";
import { type UpdateWriter, writerOf } from "./update-guard";
import type { LoggedUpdate } from "./update-log";
import type { PendingUpdate } from "./update-queue";

/** Origin of changes the server makes itself; every connection receives them. */
const SERVER_ORIGIN = Symbol("server");
/** Origin of rows another process stored: broadcast to every connection, never stored or published. */
const REMOTE_ORIGIN = Symbol("remote");

export type CommitContext = {
  readonly logger: Logger;
  readonly counters: SyncCounters;
  readonly onDocumentChanged: ((docName: string, ydoc: Y.Doc) => void) | undefined;
  readonly onUpdateAccepted:
    | ((docName: string, update: Uint8Array, writer: UpdateWriter | null) => void)
    | undefined;
  /** The other processes of the deployment, or undefined when this one is alone. */
  readonly bus: BusLink | undefined;
};

/**
 * Applies what the log has stored to a room's document, which broadcasts it: each update to
 * everyone but its sender, an update with the guard's correction as one message to everyone.
 */
export class RoomCommit {
  private hasChanged = false;

  constructor(
    private readonly docName: string,
    private readonly ydoc: Y.Doc,
    private readonly context: CommitContext,
    private readonly members: RoomMembers,
    private readonly caches: DocumentCaches,
    private readonly roomLog: RoomLog,
    private readonly compaction: RoomCompaction,
  ) {
    ydoc.on("update", (update: Uint8Array, origin: unknown) => this.broadcast(update, origin));
  }

  /** The batch is stored (`ids` are its rows): apply it, which broadcasts it. */
  commitBatch(accepted: readonly PendingUpdate[], ids: readonly number[]): void {
    this.roomLog.countStored(accepted.length);
    this.context.counters.appendedUpdates += accepted.length;
    this.hasChanged = false;
    const published: LoggedUpdate[] = [];
    for (let i = 0; i < accepted.length; i++) {
      const { connection, update } = accepted[i] as PendingUpdate;
      const rows = [ids[i] ?? 0];
      const correction = accepted[i + 1]?.isCorrection ? accepted[++i]?.update : undefined;
      if (correction !== undefined) rows.push(ids[i] ?? 0);
      for (const id of rows) this.roomLog.advanceTo(id);
      if (!this.applyStored(rows, connection, update, correction)) continue;
      published.push({ id: rows[0] ?? 0, update });
      if (correction !== undefined) published.push({ id: rows[1] ?? 0, update: correction });
      this.notifyAccepted(update, connection);
      if (correction !== undefined) this.notifyAccepted(correction, null);
    }
    // stored first, then published: a process that hears of a row finds it in the log
    this.context.bus?.publishRows(this.docName, published);
    this.finishBatch();
  }

  /** A change the server made itself (e.g. through the HTTP API), already stored as row `id`. */
  commitServerUpdate(update: Uint8Array, id: number): void {
    this.roomLog.advanceTo(id);
    this.roomLog.countStored(1);
    this.context.counters.appendedUpdates++;
    this.hasChanged = false;
    if (this.applyStored([id], null, update, undefined)) {
      this.context.bus?.publishRows(this.docName, [{ id, update }]);
      this.notifyAccepted(update, null);
    }
    this.finishBatch();
  }

  /**
   * Applies rows another process stored (from the bus or the log) and broadcasts them to every
   * connection; they are neither stored nor published again. Answers false when Yjs held part
   * of them back: they build on rows this document lacks, which the caller reads from the log.
   */
  applyRemote(updates: readonly Uint8Array[]): boolean {
    this.hasChanged = false;
    try {
      this.ydoc.transact(() => {
        for (const update of updates) Y.applyUpdate(this.ydoc, update);
      }, REMOTE_ORIGIN);
    } catch (error) {
      this.context.logger.error("Could not apply another process's updates", {
        ...this.members.fields(),
        error: describeError(error),
      });
    }
    this.caches.growSizeBound(updates.reduce((sum, update) => sum + update.byteLength, 0));
    this.finishBatch();
    return !hasHeldBack(this.ydoc);
  }

  /** Forgets what Yjs holds back after catching up could not complete it (the log lacks it too). */
  dropHeldBack(): void {
    if (!hasHeldBack(this.ydoc)) return;
    dropHeldBack(this.ydoc);
    this.caches.invalidate();
    this.context.logger.error("Dropped what another process's updates built on and the log lacks", {
      ...this.members.fields(),
    });
  }

  /**
   * Applies stored rows: an update from `connection` (null: the server), with the guard's
   * correction in the same transaction when there is one. `checkUpdate` refuses whatever would
   * not integrate, so a throw or a held-back rest here is a bug: the rest is dropped (nothing may
   * wait in the room), the rows are quarantined with the document as it now is, and the sender is
   * closed. Answers whether the rows applied cleanly.
   */
  private applyStored(
    ids: readonly number[],
    connection: Connection | null,
    update: Uint8Array,
    correction: Uint8Array | undefined,
  ): boolean {
    let reason: string | null = null;
    try {
      if (correction === undefined) {
        Y.applyUpdate(this.ydoc, update, connection ?? SERVER_ORIGIN);
      } else {
        // one transaction, so one broadcast (to the writer too): nobody sees what is put back
        this.ydoc.transact(() => {
          Y.applyUpdate(this.ydoc, update);
          Y.applyUpdate(this.ydoc, correction);
        }, SERVER_ORIGIN);
      }
    } catch (error) {
      reason = `does not apply: ${describeError(error)}`;
    }
    if (reason === null && !hasHeldBack(this.ydoc)) return true;
    dropHeldBack(this.ydoc);
    reason ??= "Yjs held part of it back";
    this.caches.invalidate();
    this.context.logger.error("A stored update did not apply cleanly", {
      ...this.members.fields(connection ?? undefined),
      ids,
      detail: reason,
    });
    if (connection !== null) this.members.close(connection, "invalidUpdate", "none");
    this.roomLog.quarantine(
      ids.map((id) => ({ id, reason })),
      null,
      "after storing",
    );
    return false;
  }

  private broadcast(update: Uint8Array, origin: unknown): void {
    this.caches.invalidate();
    this.hasChanged = true;
    this.members.broadcast(encodeSyncMessage(SYNC_UPDATE, update), origin);
  }

  private finishBatch(): void {
    if (this.hasChanged) this.notifyChanged();
    this.compaction.scheduleIfDue();
  }

  /** Tells the server who wrote a stored and applied update (`by` null: the server). */
  private notifyAccepted(update: Uint8Array, by: Connection | null): void {
    const { onUpdateAccepted } = this.context;
    if (onUpdateAccepted === undefined) return;
    try {
      onUpdateAccepted(this.docName, update, by === null ? null : writerOf(this.docName, by));
    } catch (error) {
      this.context.logger.error("onUpdateAccepted threw", {
        ...this.members.fields(),
        error: describeError(error),
      });
    }
  }

  private notifyChanged(): void {
    try {
      this.context.onDocumentChanged?.(this.docName, this.ydoc);
    } catch (error) {
      this.context.logger.error("onDocumentChanged threw", {
        ...this.members.fields(),
        error: describeError(error),
      });
    }
  }
}
