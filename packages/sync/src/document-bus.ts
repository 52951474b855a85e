import * as decoding from "lib0/decoding";
import * as encoding from "lib0/encoding";
import type { LoggedUpdate } from "./update-log";

/**
 * Carries stored updates and presence between the processes of one deployment. Best effort: a
 * message may be lost (a reconnect), so `resubscribed` makes every room catch up from the log.
 */
export interface DocumentBus {
  /** Sends `message` to every process, this one possibly included (it is ignored); never throws. */
  publish(message: Uint8Array): void;
  /**
   * `receive` gets every message any process publishes; `resubscribed` runs whenever the
   * subscription was re-established and messages may have been missed meanwhile.
   */
  subscribe(receive: (message: Uint8Array) => void, resubscribed: () => void): () => void;
  /** Whether this process may compact `docName` now: at most one process holds the claim at a time. */
  claimCompaction(docName: string): Promise<boolean>;
}

/** Reads from the log what a room may have missed (`@junction/store` provides one). */
export interface UpdateCatchUp {
  /** The snapshot when it covers ids above `afterId`, and every stored update with an id above it. */
  readSince(
    docName: string,
    afterId: number,
  ): {
    readonly snapshot: { readonly state: Uint8Array; readonly upToId: number } | null;
    readonly updates: readonly LoggedUpdate[];
  };
  /** The same, ids only: cheap enough to ask every few seconds per room. */
  idsSince(
    docName: string,
    afterId: number,
  ): { readonly snapshotUpToId: number; readonly ids: readonly number[] };
}

/** Joins a sync server to the other processes of a deployment. */
export type ScaleOut = {
  bus: DocumentBus;
  catchUp: UpdateCatchUp;
  /** This process, as its messages name it; random when absent. */
  processId?: string;
  /** How often each loaded room checks the log for updates the bus did not bring (0: never). */
  checkIntervalMs?: number;
};

export type BusMessage =
  | {
      readonly type: "updates";
      readonly origin: string;
      readonly docName: string;
      readonly rows: readonly LoggedUpdate[];
    }
  | {
      readonly type: "awareness";
      readonly origin: string;
      readonly docName: string;
      readonly update: Uint8Array;
    }
  | { readonly type: "awareness-query"; readonly origin: string; readonly docName: string };

const TYPES = ["updates", "awareness", "awareness-query"] as const;

export function encodeBusMessage(message: BusMessage): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, TYPES.indexOf(message.type));
  encoding.writeVarString(encoder, message.origin);
  encoding.writeVarString(encoder, message.docName);
  switch (message.type) {
    case "updates":
      encoding.writeVarUint(encoder, message.rows.length);
      for (const { id, update } of message.rows) {
        encoding.writeVarUint(encoder, id);
        encoding.writeVarUint8Array(encoder, update);
      }
      break;
    case "awareness":
      encoding.writeVarUint8Array(encoder, message.update);
      break;
    case "awareness-query":
      break;
  }
  return encoding.toUint8Array(encoder);
}

/** Decodes a message another process published; throws on bytes that are not one. */
export function decodeBusMessage(bytes: Uint8Array): BusMessage {
  const decoder = decoding.createDecoder(bytes);
  const type = TYPES[decoding.readVarUint(decoder)];
  const origin = decoding.readVarString(decoder);
  const docName = decoding.readVarString(decoder);
  switch (type) {
    case "updates": {
      const count = decoding.readVarUint(decoder);
      const rows: LoggedUpdate[] = [];
      for (let i = 0; i < count; i++) {
        const id = decoding.readVarUint(decoder);
        rows.push({ id, update: decoding.readVarUint8Array(decoder) });
      }
      return { type, origin, docName, rows };
    }
    case "awareness":
      return { type, origin, docName, update: decoding.readVarUint8Array(decoder) };
    case "awareness-query":
      return { type, origin, docName };
    default:
      throw new Error("Not a document bus message");
  }
}

/** The ids of a document's log that a room's document holds: all up to `covered`, and some above. */
export class LogCoverage {
  covered = 0;
  private readonly above = new Set<number>();

  has(id: number): boolean {
    return id <= this.covered || this.above.has(id);
  }

  add(id: number): void {
    if (id > this.covered) this.above.add(id);
  }

  /** Every row with an id up to `id` is in the document. */
  coverTo(id: number): void {
    if (id <= this.covered) return;
    this.covered = id;
    for (const held of this.above) if (held <= id) this.above.delete(held);
  }
}
