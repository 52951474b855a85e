import * as Y from "yjs";
import type { LogFields, Logger } from "./logger";
import { cutToKnown } from "./placement";
import { describeError } from "./protocol";
import { decodeStored, dropHeldBack, hasHeldBack, isFullyApplied } from "./update-check";
import type { LoadedDocument, LoggedUpdate, Quarantine, UpdateLog } from "./update-log";

export type Restored = {
  /** The largest update id replayed (0 when the log held none beyond the snapshot). */
  readonly lastUpdateId: number;
  /** Bytes of the snapshot and updates replayed: an upper bound of the encoded document. */
  readonly storedBytes: number;
  /** Stored updates that did not apply cleanly, each with why. */
  readonly quarantined: Quarantine["updates"];
  /** Why the snapshot did not apply cleanly, or null. */
  readonly snapshotReason: string | null;
};

/**
 * Replays a snapshot and its log into `ydoc`. What does not apply cleanly (malformed, throws, or
 * is still held back by Yjs once everything is in) is left out and reported; `ydoc` then holds
 * everything else and nothing held back. Never throws.
 */
export function restoreDocument(ydoc: Y.Doc, { snapshot, updates }: LoadedDocument): Restored {
  const quarantined: { id: number; reason: string }[] = [];
  let snapshotReason: string | null = null;
  let storedBytes = 0;
  let lastUpdateId = 0;
  if (snapshot !== null) {
    snapshotReason = applyStored(ydoc, snapshot);
    storedBytes += snapshot.length;
  }
  const isSnapshotHeldBack = hasHeldBack(ydoc);
  // stored out of order is fine as long as the missing part comes later: judged at the end
  const heldBack: LoggedUpdate[] = [];
  for (const logged of updates) {
    lastUpdateId = Math.max(lastUpdateId, logged.id);
    storedBytes += logged.update.length;
    const decoded = decodeStored(logged.update);
    const reason =
      typeof decoded === "string"
        ? decoded
        : applyStored(
            ydoc,
            cutToKnown(logged.update, decoded, (client) => stateOf(ydoc, client)),
          );
    if (reason !== null) quarantined.push({ id: logged.id, reason });
    else if (hasHeldBack(ydoc)) heldBack.push(logged);
  }
  if (hasHeldBack(ydoc)) {
    const reason = "Yjs held it back: it builds on changes the log does not have";
    for (const logged of heldBack) {
      if (!isFullyApplied(logged.update, ydoc)) quarantined.push({ id: logged.id, reason });
    }
    if (isSnapshotHeldBack && snapshot !== null && !isFullyApplied(snapshot, ydoc)) {
      snapshotReason ??= reason;
    }
    dropHeldBack(ydoc);
  }
  return { lastUpdateId, storedBytes, quarantined, snapshotReason };
}

/**
 * Moves what `restoreDocument` left out aside in the log, with `ydoc` as the new snapshot, and
 * logs it at error level. Answers whether the log took it; a failure is logged, never thrown.
 */
export function quarantineRestored(
  log: UpdateLog,
  logger: Logger,
  docName: string,
  ydoc: Y.Doc,
  { quarantined, snapshotReason, lastUpdateId }: Omit<Restored, "storedBytes">,
  fields: LogFields = {},
): boolean {
  const details = {
    workplanId: docName,
    ...fields,
    updateIds: quarantined.map(({ id }) => id),
    reasons: quarantined.map(({ reason }) => reason),
    snapshotReason,
  };
  try {
    log.quarantine(docName, {
      updates: quarantined,
      snapshotReason,
      state: Y.encodeStateAsUpdate(ydoc),
      upToId: lastUpdateId,
    });
    logger.error("Quarantined stored state that does not apply cleanly", details);
    return true;
  } catch (error) {
    // the rows stay in the log; the next load judges them again
    logger.error("Could not quarantine stored state", { ...details, error: describeError(error) });
    return false;
  }
}

/**
 * A document loaded from the log as a room loads it, for readers outside a room (indexing,
 * exports): what does not apply cleanly is quarantined, never thrown. The caller destroys it.
 */
export function loadDocument(log: UpdateLog, docName: string, logger: Logger): Y.Doc {
  const ydoc = new Y.Doc();
  const restored = restoreDocument(ydoc, log.load(docName));
  if (restored.quarantined.length > 0 || restored.snapshotReason !== null) {
    quarantineRestored(log, logger, docName, ydoc, restored);
  }
  return ydoc;
}

function stateOf(ydoc: Y.Doc, client: number): number {
  return Y.getState(ydoc.store, client);
}

function applyStored(ydoc: Y.Doc, update: Uint8Array): string | null {
  try {
    Y.applyUpdate(ydoc, update);
    return null;
  } catch (error) {
    return `does not apply: ${describeError(error)}`;
  }
}
