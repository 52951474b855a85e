import * as Y from "yjs";
import {
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncMessage,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from "../protocol";

export function syncStep1Message(stateVector: Uint8Array = new Uint8Array([0])): Uint8Array {
  return encodeSyncMessage(SYNC_STEP_1, stateVector);
}

export function syncStep2Message(update: Uint8Array): Uint8Array {
  return encodeSyncMessage(SYNC_STEP_2, update);
}

export function updateMessage(update: Uint8Array): Uint8Array {
  return encodeSyncMessage(SYNC_UPDATE, update);
}

export function awarenessMessage(
  entries: readonly { clientID: number; clock: number; state: unknown }[],
): Uint8Array {
  return encodeAwarenessMessage(
    encodeAwarenessEntries(
      entries.map(({ clientID, clock, state }) => ({
        clientID,
        clock,
        stateJson: JSON.stringify(state),
      })),
    ),
  );
}

/** An update typing `text` into the "notes" text, on top of `base` when given. */
export function textUpdate(text: string, base?: Y.Doc): Uint8Array {
  const doc = new Y.Doc();
  if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const before = Y.encodeStateVector(doc);
  doc.getText("notes").insert(0, text);
  const update = Y.encodeStateAsUpdate(doc, before);
  doc.destroy();
  return update;
}
