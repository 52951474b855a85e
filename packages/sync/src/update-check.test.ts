import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import type { UntrustedUpdate } from "./protocol";
import { checkUpdate, type KnownState } from "./update-check";

function knownStateOf(doc: Y.Doc): KnownState {
  return {
    clockOf: (client) => Y.getState(doc.store, client),
    deleteSet: () => Y.createDeleteSetFromStructStore(doc.store),
  };
}

function untrusted(bytes: Uint8Array): UntrustedUpdate {
  return bytes as UntrustedUpdate;
}

describe("checkUpdate", () => {
  it("accepts a new edit", () => {
    const server = new Y.Doc();
    const client = new Y.Doc();
    client.getText("notes").insert(0, "new");
    expect(
      checkUpdate(untrusted(Y.encodeStateAsUpdate(client)), knownStateOf(server)),
    ).toMatchObject({
      ok: true,
      isNoop: false,
    });
  });

  it("recognises the known state a reconnecting client sends back, deletions included", () => {
    const server = new Y.Doc();
    server.getText("notes").insert(0, "hello world");
    server.getText("notes").delete(0, 6);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    const syncStep2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(checkUpdate(untrusted(syncStep2), knownStateOf(server))).toMatchObject({
      ok: true,
      isNoop: true,
    });
  });

  it("treats a deletion the server has not seen as new", () => {
    const server = new Y.Doc();
    server.getText("notes").insert(0, "hello world");
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    client.getText("notes").delete(0, 6);
    const syncStep2 = Y.encodeStateAsUpdate(client, Y.encodeStateVector(server));
    expect(checkUpdate(untrusted(syncStep2), knownStateOf(server))).toMatchObject({
      ok: true,
      isNoop: false,
    });
  });

  it("rejects bytes that do not decode as an update", () => {
    const result = checkUpdate(
      untrusted(new Uint8Array([1, 2, 3, 250, 250, 7])),
      knownStateOf(new Y.Doc()),
    );
    expect(result).toMatchObject({ ok: false });
  });
});
