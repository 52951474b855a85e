import * as encoding from "lib0/encoding";
import * as Y from "yjs";

export type Struct = ReturnType<typeof Y.decodeUpdate>["structs"][number];

/** One client's structs as an update lists them: the first clock, then struct after struct. */
export type Run = { client: number; clock: number; structs: Struct[] };

export type Deletions = { client: number; ranges: { clock: number; len: number }[] };

/** An update taken apart into parts a test may change, then put together again by `encodeParts`. */
export type UpdateParts = { runs: Run[]; deletions: Deletions[] };

export function decodeParts(update: Uint8Array): UpdateParts {
  const { structs, ds } = Y.decodeUpdate(update);
  const runs: Run[] = [];
  for (const struct of structs) {
    const last = runs.at(-1);
    if (last?.client === struct.id.client) last.structs.push(struct);
    else runs.push({ client: struct.id.client, clock: struct.id.clock, structs: [struct] });
  }
  const deletions = [...ds.clients].map(([client, ranges]) => ({
    client,
    ranges: ranges.map(({ clock, len }) => ({ clock, len })),
  }));
  return { runs, deletions };
}

/**
 * Writes the parts in Yjs' V1 format exactly as given, with none of the checks Yjs' own encoder
 * makes: runs may repeat a client, clocks may jump, deletions may be empty.
 */
export function encodeParts({ runs, deletions }: UpdateParts): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const rest = encoder.restEncoder;
  encoding.writeVarUint(rest, runs.length);
  for (const run of runs) {
    encoding.writeVarUint(rest, run.structs.length);
    encoder.writeClient(run.client);
    encoding.writeVarUint(rest, run.clock);
    for (const struct of run.structs) struct.write(encoder, 0);
  }
  encoding.writeVarUint(rest, deletions.length);
  for (const { client, ranges } of deletions) {
    encoder.resetDsCurVal();
    encoding.writeVarUint(rest, client);
    encoding.writeVarUint(rest, ranges.length);
    for (const { clock, len } of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}

/** `update` with `change` applied to each of its items, re-encoded. */
export function withItems(update: Uint8Array, change: (item: Y.Item) => void): Uint8Array {
  const parts = decodeParts(update);
  for (const run of parts.runs) {
    for (const struct of run.structs) if (struct instanceof Y.Item) change(struct);
  }
  return encodeParts(parts);
}
