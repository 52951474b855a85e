import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
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

/** A paragraph typed into the narrative by a fresh client: one update covering clocks 0-9. */
export function paragraphUpdate(clientID: number, text = "gap test"): Uint8Array {
  const doc = new Y.Doc();
  doc.clientID = clientID;
  const paragraph = new Y.XmlElement("paragraph");
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment("default").insert(0, [paragraph]);
  const update = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return update;
}

/** The same update bytes with the first client's first clock replaced (V1 encoding). */
export function withFirstClock(update: Uint8Array, clock: number): Uint8Array {
  const decoder = decoding.createDecoder(update);
  const clients = decoding.readVarUint(decoder);
  const structs = decoding.readVarUint(decoder);
  const client = decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  const encoder = encoding.createEncoder();
  for (const value of [clients, structs, client, clock]) encoding.writeVarUint(encoder, value);
  encoding.writeUint8Array(encoder, update.subarray(decoder.pos));
  return encoding.toUint8Array(encoder);
}
