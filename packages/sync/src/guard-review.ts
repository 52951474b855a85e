import * as Y from "yjs";
import type { CloseEventName } from "./close-codes";
import type { Connection } from "./connection";
import type { LogFields, Logger } from "./logger";
import { describeError } from "./protocol";
import type { SyncCounters } from "./stats";
import { applyCompletely, hasHeldBack } from "./update-check";
import { type UpdateGuard, writerOf } from "./update-guard";
import type { PendingUpdate } from "./update-queue";

/** Origin of a writer's update applied to a scratch copy under review. */
const WRITER_ORIGIN = Symbol("writer");

export type ReviewContext = {
  readonly docName: string;
  readonly guard: UpdateGuard | undefined;
  readonly logger: Logger;
  readonly counters: SyncCounters;
  /** A copy of the room's document plus `then`, for the caller to destroy; throws if one does not apply. */
  scratchCopy(then: readonly Uint8Array[]): Y.Doc;
  /** Closes a writer whose update was dropped (it resends on reconnect); already logged. */
  refuse(connection: Connection, close: CloseEventName): void;
  fields(connection?: Connection): LogFields;
};

type Outcome = { ok: true; corrections: PendingUpdate[] } | { ok: false; close: CloseEventName };

/**
 * The turn's queued updates as they are to be stored: each one the guard asked to see is
 * reviewed on a scratch copy of the document as it will be just before it, and followed by the
 * guard's correction where the writer overstepped. A writer whose update could not be judged or
 * applied is refused with its later updates; if the review itself fails, nothing is stored.
 */
export function reviewTurn(batch: PendingUpdate[], context: ReviewContext): PendingUpdate[] {
  const { guard } = context;
  if (guard === undefined || !batch.some(({ needsReview }) => needsReview)) return batch;
  try {
    return reviewBatch(batch, guard, context);
  } catch (error) {
    // nothing of the batch was judged, so nothing of it is stored; its writers resend
    context.logger.error("Could not review this turn's updates; dropped them", {
      ...context.fields(),
      error: describeError(error),
    });
    for (const connection of new Set(batch.map((entry) => entry.connection))) {
      context.refuse(connection, "internalError");
    }
    return [];
  }
}

/** Replays the batch on a scratch copy so each reviewed update is judged on what precedes it. */
function reviewBatch(
  batch: readonly PendingUpdate[],
  guard: UpdateGuard,
  context: ReviewContext,
): PendingUpdate[] {
  const reviewed: PendingUpdate[] = [];
  const dropped = new Set<Connection>();
  let scratch = context.scratchCopy([]);
  try {
    for (const pending of batch) {
      const { connection } = pending;
      // later updates of a writer whose update was dropped would only wait for it forever
      if (dropped.has(connection)) continue;
      const outcome = reviewOne(scratch, pending, guard, context);
      if (outcome.ok) {
        reviewed.push(pending, ...outcome.corrections);
        continue;
      }
      dropped.add(connection);
      context.refuse(connection, outcome.close);
      const kept = reviewed.filter((entry) => entry.connection !== connection);
      reviewed.length = 0;
      reviewed.push(...kept);
      scratch.destroy();
      scratch = context.scratchCopy(kept.map(({ update }) => update));
    }
  } finally {
    scratch.destroy();
  }
  return reviewed;
}

/** Applies one queued update to the scratch copy, through the guard when it asked to see it. */
function reviewOne(
  scratch: Y.Doc,
  pending: PendingUpdate,
  guard: UpdateGuard,
  context: ReviewContext,
): Outcome {
  const { connection, update } = pending;
  const fail = (message: string, close: CloseEventName, error: unknown): Outcome => {
    // never store an update that could not be judged or applied; the writer resends on reconnect
    context.logger.error(message, { ...context.fields(connection), error: describeError(error) });
    return { ok: false, close };
  };
  const notApplied = "A queued update did not apply cleanly to the scratch copy; dropped it";
  if (!pending.needsReview) {
    try {
      applyCompletely(scratch, update);
    } catch (error) {
      return fail(notApplied, "invalidUpdate", error);
    }
    return { ok: true, corrections: [] };
  }
  let applyError: unknown = null;
  let isApplied = false;
  const apply = (): void => {
    try {
      applyCompletely(scratch, update, WRITER_ORIGIN);
      isApplied = true;
    } catch (error) {
      applyError ??= error;
      throw error;
    }
  };
  const corrections: Uint8Array[] = [];
  const collect = (correction: Uint8Array, origin: unknown): void => {
    if (origin !== WRITER_ORIGIN) corrections.push(correction);
  };
  let reason: string | null;
  scratch.on("update", collect);
  try {
    reason = guard.review(scratch, apply, writerOf(context.docName, connection));
  } catch (error) {
    if (applyError !== null) return fail(notApplied, "invalidUpdate", applyError);
    return fail("The update guard failed; dropped the update", "internalError", error);
  } finally {
    scratch.off("update", collect);
  }
  if (applyError !== null) return fail(notApplied, "invalidUpdate", applyError);
  if (!isApplied || hasHeldBack(scratch)) {
    const error = new Error("the guard did not apply the update, or left part of it held back");
    return fail("The update guard failed; dropped the update", "internalError", error);
  }
  if (corrections.length === 0) return { ok: true, corrections: [] };
  context.counters.correctedUpdates++;
  context.logger.info("Put back what a writer may not change", {
    ...context.fields(connection),
    detail: reason ?? "",
  });
  const correction = Y.mergeUpdates(corrections);
  return {
    ok: true,
    corrections: [{ connection, update: correction, needsReview: false, isCorrection: true }],
  };
}
