import * as encoding from "lib0/encoding";
import { describe, expect, it } from "vitest";
import {
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncMessage,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
  parseMessage,
  readAwarenessEntries,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
} from "./protocol";
import { createRandom } from "./test/fuzz";

describe("parseMessage", () => {
  it("reads the messages a stock client sends", () => {
    expect(parseMessage(encodeSyncMessage(SYNC_STEP_1, new Uint8Array([0])))).toEqual({
      ok: true,
      message: { type: "sync-step-1", stateVector: new Uint8Array([0]) },
    });
    expect(parseMessage(encodeSyncMessage(SYNC_UPDATE, new Uint8Array([0, 0])))).toMatchObject({
      ok: true,
      message: { type: "update" },
    });
    expect(parseMessage(new Uint8Array([3]))).toEqual({
      ok: true,
      message: { type: "query-awareness" },
    });
  });

  it("says what is wrong with a malformed message instead of throwing", () => {
    expect(parseMessage(new Uint8Array([]))).toMatchObject({ ok: false });
    expect(parseMessage(new Uint8Array([9]))).toEqual({
      ok: false,
      reason: "unknown message type 9",
    });
    expect(parseMessage(new Uint8Array([0, 7, 0]))).toEqual({
      ok: false,
      reason: "unknown sync message type 7",
    });
    expect(parseMessage(new Uint8Array([0, 0, 5, 1]))).toMatchObject({ ok: false });
    expect(parseMessage(new Uint8Array([3, 3]))).toEqual({
      ok: false,
      reason: "trailing bytes after the message",
    });
  });

  it("never throws on random bytes", () => {
    const random = createRandom(7);
    for (let i = 0; i < 5000; i++) {
      expect(() => parseMessage(random.bytes(random.below(40)))).not.toThrow();
    }
  });
});

describe("awareness entries", () => {
  it("round-trip through the y-protocols wire format", () => {
    const bytes = encodeAwarenessEntries([
      { clientID: 1, clock: 2, stateJson: '{"cursor":1}' },
      { clientID: 3, clock: 4, stateJson: "null" },
    ]);
    const entries = readAwarenessEntries(bytes);
    expect(entries.map(({ clientID, clock }) => [clientID, clock])).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(new TextDecoder().decode(entries[0]?.state)).toBe('{"cursor":1}');
  });

  it("rejects a count that claims more entries than follow", () => {
    expect(() => readAwarenessEntries(new Uint8Array([5, 1, 1, 0]))).toThrow();
  });
});

describe("encoding messages", () => {
  /** How y-protocols frames a message with lib0's encoder, which stock clients decode. */
  function framedByLib0(types: readonly number[], payload: Uint8Array): Uint8Array {
    const encoder = encoding.createEncoder();
    for (const type of types) encoding.writeVarUint(encoder, type);
    encoding.writeVarUint8Array(encoder, payload);
    return encoding.toUint8Array(encoder);
  }

  it("frames every payload byte for byte as y-protocols does", () => {
    for (const length of [0, 1, 127, 128, 300, 16_383, 16_384, 70_000]) {
      const payload = new Uint8Array(length).map((_, i) => i % 251);
      expect(encodeSyncMessage(SYNC_UPDATE, payload)).toEqual(
        framedByLib0([MESSAGE_SYNC, SYNC_UPDATE], payload),
      );
      expect(encodeSyncMessage(SYNC_STEP_2, payload)).toEqual(
        framedByLib0([MESSAGE_SYNC, SYNC_STEP_2], payload),
      );
      expect(encodeAwarenessMessage(payload)).toEqual(framedByLib0([MESSAGE_AWARENESS], payload));
    }
  });
});
