import type * as Y from "yjs";
import type { Connection } from "./connection";
import type { DocumentCaches } from "./document-caches";
import { isWriter } from "./identity";
import type { SyncLimits } from "./limits";
import type { Logger } from "./logger";
import { nestingDepth } from "./nesting";
import { checkPlacement, type PlacementContext } from "./placement";
import { describeError, type UntrustedUpdate } from "./protocol";
import type { RoomMembers } from "./room-members";
import type { SyncCounters } from "./stats";
import { checkUpdate, type DecodedUpdate } from "./update-check";
import { type UpdateGuard, writerOf } from "./update-guard";
import type { UpdateQueue } from "./update-queue";

export type IntakeContext = {
  readonly logger: Logger;
  readonly limits: SyncLimits;
  readonly counters: SyncCounters;
  readonly now: () => number;
  readonly guard: UpdateGuard | undefined;
  /** Stores every room's pending updates after this turn of the event loop, in one append. */
  readonly requestFlush: () => void;
  /** Stores every room's pending updates now. */
  readonly flush: () => void;
};

/**
 * Judges each document update a connection sends, in order: rate, `checkUpdate`, role,
 * `checkPlacement`, nesting depth, document size, then the guard's triage; what passes is queued for the
 * turn's append. Whatever fails closes that connection with a named code, except an update
 * from a read-only role, which is only dropped (the stock client would resend it forever).
 */
export class UpdateIntake {
  private readonly placement: PlacementContext;

  constructor(
    private readonly docName: string,
    private readonly ydoc: Y.Doc,
    private readonly context: IntakeContext,
    private readonly members: RoomMembers,
    private readonly queue: UpdateQueue,
    private readonly caches: DocumentCaches,
    private readonly isLoaded: () => boolean,
  ) {
    this.placement = {
      ydoc,
      clockOf: queue.known.clockOf,
      queuedEnds: queue.ends,
      makeScratch: () => caches.scratchCopy(),
    };
  }

  receive(connection: Connection, update: UntrustedUpdate): void {
    const { limits, counters, now } = this.context;
    const { members } = this;
    if (!connection.updates.take(now())) {
      members.close(connection, "rateLimited", "warn");
      return;
    }
    const check = checkUpdate(update, this.queue.known);
    if (check.status === "invalid") {
      members.close(connection, "invalidUpdate", "warn", {
        detail: check.reason,
        bytes: update.length,
      });
      return;
    }
    if (check.status === "known") return;
    if (!isWriter(connection.role)) {
      // refuse without closing: the stock client would reconnect and resend forever
      counters.refusedUpdates++;
      this.context.logger.debug("Refused an update from a read-only connection", {
        ...members.fields(connection),
        role: connection.role,
      });
      return;
    }
    if (check.status === "out-of-sync") {
      // Yjs would hold it back, and a room holding something back poisons every later copy
      members.close(connection, "outOfSync", "warn", {
        detail: check.reason,
        bytes: update.length,
      });
      return;
    }
    let placement = checkPlacement(update, check.decoded, this.placement);
    if (placement.status === "after-queued") {
      // judged against the document once this turn's queued updates are stored and applied
      this.context.flush();
      if (connection.isClosed || !this.isLoaded()) return;
      placement = checkPlacement(update, check.decoded, this.placement);
    }
    if (placement.status !== "ok") {
      members.close(connection, "invalidUpdate", "warn", {
        detail: placement.status === "misplaced" ? placement.reason : "queued updates not stored",
        bytes: update.length,
      });
      return;
    }
    if (limits.maxNestingDepth > 0) {
      let depth = nestingDepth(placement.decoded, this.ydoc, limits.maxNestingDepth);
      if (depth === "unknown") {
        // it builds on a type queued this turn: judged once that is in the document
        this.context.flush();
        if (connection.isClosed || !this.isLoaded()) return;
        depth = nestingDepth(placement.decoded, this.ydoc, limits.maxNestingDepth);
      }
      if (depth !== "unknown" && depth > limits.maxNestingDepth) {
        members.close(connection, "nestingTooDeep", "warn", {
          detail: `nests ${depth} deep or more, at most ${limits.maxNestingDepth}`,
          bytes: update.length,
        });
        return;
      }
    }
    if (this.caches.wouldExceed(update.length, limits.maxDocumentBytes, this.queue.bytes)) {
      members.close(connection, "documentTooLarge", "warn", { bytes: update.length });
      return;
    }
    const needsReview = this.needsReview(connection, placement.decoded);
    this.queue.push(
      { connection, update: placement.update, needsReview, isCorrection: false },
      check.clocks,
      placement.ends,
      update.length,
    );
    this.caches.growSizeBound(update.length);
    this.context.requestFlush();
  }

  private needsReview(connection: Connection, decoded: DecodedUpdate): boolean {
    const { guard } = this.context;
    if (guard === undefined) return false;
    try {
      return guard.concerns(decoded, this.ydoc, writerOf(this.docName, connection));
    } catch (error) {
      this.context.logger.warn("The update guard could not triage an update; reviewing it", {
        ...this.members.fields(connection),
        error: describeError(error),
      });
      return true;
    }
  }
}
