import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";

// y-websocket message types (y-protocols): the first varUint of every message
export const MESSAGE_SYNC = 0;
export const MESSAGE_AWARENESS = 1;
export const MESSAGE_AUTH = 2;
export const MESSAGE_QUERY_AWARENESS = 3;

// y-protocols/sync sub-types
export const SYNC_STEP_1 = 0;
export const SYNC_STEP_2 = 1;
export const SYNC_UPDATE = 2;

/** Bytes straight off a socket: nothing about them is checked yet. */
export type UntrustedUpdate = Uint8Array & { readonly __brand: "UntrustedUpdate" };

export type ClientMessage =
  | { readonly type: "sync-step-1"; readonly stateVector: Uint8Array }
  | { readonly type: "sync-step-2"; readonly update: UntrustedUpdate }
  | { readonly type: "update"; readonly update: UntrustedUpdate }
  | { readonly type: "awareness"; readonly update: Uint8Array }
  | { readonly type: "query-awareness" }
  | { readonly type: "auth" };

export type ParsedMessage =
  | { readonly ok: true; readonly message: ClientMessage }
  | { readonly ok: false; readonly reason: string };

/** Reads one y-websocket message without trusting it; never throws. */
export function parseMessage(data: Uint8Array): ParsedMessage {
  try {
    const decoder = decoding.createDecoder(data);
    const message = readMessage(decoder);
    if (typeof message === "string") return { ok: false, reason: message };
    if (decoding.hasContent(decoder))
      return { ok: false, reason: "trailing bytes after the message" };
    return { ok: true, message };
  } catch (error) {
    return { ok: false, reason: `truncated or malformed: ${describeError(error)}` };
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage | string {
  const messageType = decoding.readVarUint(decoder);
  switch (messageType) {
    case MESSAGE_SYNC: {
      const syncType = decoding.readVarUint(decoder);
      const payload = decoding.readVarUint8Array(decoder);
      if (syncType === SYNC_STEP_1) return { type: "sync-step-1", stateVector: payload };
      if (syncType === SYNC_STEP_2) return { type: "sync-step-2", update: untrusted(payload) };
      if (syncType === SYNC_UPDATE) return { type: "update", update: untrusted(payload) };
      return `unknown sync message type ${syncType}`;
    }
    case MESSAGE_AWARENESS:
      return { type: "awareness", update: decoding.readVarUint8Array(decoder) };
    case MESSAGE_AUTH:
      // clients never need to send auth messages; read past it and ignore it
      decoding.readVarUint(decoder);
      decoding.readVarString(decoder);
      return { type: "auth" };
    case MESSAGE_QUERY_AWARENESS:
      return { type: "query-awareness" };
    default:
      return `unknown message type ${messageType}`;
  }
}

function untrusted(bytes: Uint8Array): UntrustedUpdate {
  return bytes as UntrustedUpdate;
}

export function encodeSyncMessage(syncType: number, payload: Uint8Array): Uint8Array {
  return encodeMessage(MESSAGE_SYNC, syncType, payload);
}

export function encodeAwarenessMessage(update: Uint8Array): Uint8Array {
  return encodeMessage(MESSAGE_AWARENESS, null, update);
}

/**
 * The message types as varUints, then the payload as a varUint8Array, written as lib0's
 * encoding writes them but in one allocation: every update is framed once per broadcast.
 */
function encodeMessage(type: number, subType: number | null, payload: Uint8Array): Uint8Array {
  const headerLength = varUintLength(type) + (subType === null ? 0 : varUintLength(subType));
  const message = new Uint8Array(headerLength + varUintLength(payload.length) + payload.length);
  let offset = writeVarUint(message, 0, type);
  if (subType !== null) offset = writeVarUint(message, offset, subType);
  offset = writeVarUint(message, offset, payload.length);
  message.set(payload, offset);
  return message;
}

function varUintLength(value: number): number {
  let length = 1;
  for (let rest = value; rest > 0x7f; rest = Math.floor(rest / 0x80)) length++;
  return length;
}

function writeVarUint(target: Uint8Array, offset: number, value: number): number {
  let at = offset;
  let rest = value;
  while (rest > 0x7f) {
    target[at++] = 0x80 | (rest & 0x7f);
    rest = Math.floor(rest / 0x80);
  }
  target[at++] = rest;
  return at;
}

/** Offset of the payload inside a message built by `encodeSyncMessage`. */
export function syncPayloadOffset(message: Uint8Array): number {
  const decoder = decoding.createDecoder(message);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  decoding.readVarUint(decoder);
  return decoder.pos;
}

export type AwarenessEntry = {
  readonly clientID: number;
  readonly clock: number;
  /** The state as UTF-8 JSON, still undecoded: most entries a client sends are echoes we drop. */
  readonly state: Uint8Array;
};

/** Splits an awareness update into entries; throws on malformed input. */
export function readAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientID = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    entries.push({ clientID, clock, state: decoding.readVarUint8Array(decoder) });
  }
  if (decoding.hasContent(decoder)) throw new Error("trailing bytes after the awareness update");
  return entries;
}

export function encodeAwarenessEntries(
  entries: readonly { clientID: number; clock: number; stateJson: string }[],
): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientID);
    encoding.writeVarUint(encoder, entry.clock);
    encoding.writeVarString(encoder, entry.stateJson);
  }
  return encoding.toUint8Array(encoder);
}

export function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
