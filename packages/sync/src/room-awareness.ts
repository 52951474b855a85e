import { decodeUtf8 } from "lib0/string";
import * as awarenessProtocol from "y-protocols/awareness";
import type * as Y from "yjs";
import type { Connection } from "./connection";
import { stampAwarenessState } from "./identity";
import type { SyncLimits } from "./limits";
import {
  type AwarenessEntry,
  describeError,
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  readAwarenessEntries,
} from "./protocol";
import type { RoomMembers } from "./room-members";
import { startTimer, stopTimer } from "./timers";

/** Origin of presence another process's clients sent: broadcast here, never published again. */
const REMOTE_ORIGIN = Symbol("remote presence");

type AwarenessChanges = {
  readonly added: readonly number[];
  readonly updated: readonly number[];
  readonly removed: readonly number[];
};

/**
 * A room's presence: each connection speaks only for its own awareness client ids, its `user`
 * field is stamped with the authenticated user, and its updates are throttled (the latest state
 * always arrives). Every change goes to every other member.
 */
export class RoomAwareness {
  readonly awareness: awarenessProtocol.Awareness;
  /** Which connection speaks for each awareness client id. */
  private readonly owners = new Map<number, Connection>();
  private message: Uint8Array | null = null;
  private isDestroyed = false;

  constructor(
    ydoc: Y.Doc,
    private readonly members: RoomMembers,
    private readonly limits: SyncLimits,
    private readonly now: () => number,
    /** Hands this process's clients' presence changes to the other processes. */
    private readonly publish: ((update: Uint8Array) => void) | undefined,
  ) {
    this.awareness = new awarenessProtocol.Awareness(ydoc);
    this.awareness.setLocalState(null);
    this.awareness.on("update", (changes: AwarenessChanges, origin: unknown) =>
      this.broadcast(changes, origin),
    );
  }

  /** Every present state in one message, or null when nobody is present. */
  currentMessage(): Uint8Array | null {
    if (this.awareness.getStates().size === 0) return null;
    this.message ??= encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
        ...this.awareness.getStates().keys(),
      ]),
    );
    return this.message;
  }

  receive(connection: Connection, update: Uint8Array): void {
    const { limits, now, members } = this;
    if (limits.maxAwarenessBytes > 0 && update.length > limits.maxAwarenessBytes) {
      members.close(connection, "messageTooLarge", "warn", {
        bytes: update.length,
        awareness: true,
      });
      return;
    }
    let entries: AwarenessEntry[];
    try {
      entries = readAwarenessEntries(update);
    } catch (error) {
      members.close(connection, "badMessage", "warn", {
        detail: `awareness: ${describeError(error)}`,
      });
      return;
    }
    // stock clients echo every state they receive; only the sender's own client ids count
    const own = entries.filter((entry) => this.claim(connection, entry));
    if (own.length === 0) return;
    for (const entry of own) connection.pendingAwareness.set(entry.clientID, entry);
    if (connection.awarenessTimer !== null) return;
    const waitMs = connection.awareness.take(now()) ? 0 : connection.awareness.waitMs(now());
    if (waitMs === 0) {
      this.applyPending(connection);
      return;
    }
    connection.awarenessTimer = startTimer(() => {
      connection.awarenessTimer = null;
      if (connection.isClosed || this.isDestroyed) return;
      members.runSafely("apply throttled presence", connection, () => {
        connection.awareness.take(this.now());
        this.applyPending(connection);
      });
    }, waitMs);
  }

  /** A member left: what it held back is dropped and its presence removed for everyone. */
  release(connection: Connection): void {
    stopTimer(connection.awarenessTimer);
    connection.awarenessTimer = null;
    connection.pendingAwareness.clear();
    const owned = [...connection.awarenessClients];
    for (const clientID of owned) this.owners.delete(clientID);
    if (owned.length > 0 && !this.isDestroyed) {
      this.members.runSafely("remove the presence of a closed connection", null, () =>
        awarenessProtocol.removeAwarenessStates(this.awareness, owned, null),
      );
    }
  }

  /** Presence another process's clients sent (already stamped there): shown to every member. */
  applyRemote(update: Uint8Array): void {
    if (this.isDestroyed) return;
    // its states expire here after the awareness timeout (30 s) unless renewed: a dead process's too
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, REMOTE_ORIGIN);
  }

  /** The presence of this process's own clients, or null when none is present. */
  localUpdate(): Uint8Array | null {
    const present = [...this.owners.keys()].filter((id) => this.awareness.getStates().has(id));
    if (present.length === 0) return null;
    return awarenessProtocol.encodeAwarenessUpdate(this.awareness, present);
  }

  destroy(): void {
    this.isDestroyed = true;
    this.awareness.destroy();
  }

  private claim(connection: Connection, entry: AwarenessEntry): boolean {
    const { clientID } = entry;
    if (connection.awarenessClients.has(clientID)) return true;
    if (clientID === this.awareness.clientID || this.owners.has(clientID)) return false;
    if (this.awareness.getStates().has(clientID)) return false;
    if (connection.awarenessClients.size >= this.limits.maxAwarenessClientsPerConnection) {
      return false;
    }
    // a removal never claims an id: it is what clients echo after someone else left
    if (isNullState(entry.state)) return false;
    connection.awarenessClients.add(clientID);
    this.owners.set(clientID, connection);
    return true;
  }

  private applyPending(connection: Connection): void {
    const entries: { clientID: number; clock: number; stateJson: string }[] = [];
    for (const entry of connection.pendingAwareness.values()) {
      let state: unknown;
      try {
        state = JSON.parse(decodeUtf8(entry.state));
      } catch (error) {
        connection.pendingAwareness.clear();
        this.members.close(connection, "badMessage", "warn", {
          detail: `awareness state: ${describeError(error)}`,
        });
        return;
      }
      const stamped = stampAwarenessState(state, connection.identity);
      if (stamped === undefined) continue;
      entries.push({
        clientID: entry.clientID,
        clock: entry.clock,
        stateJson: JSON.stringify(stamped),
      });
    }
    connection.pendingAwareness.clear();
    if (entries.length === 0) return;
    awarenessProtocol.applyAwarenessUpdate(
      this.awareness,
      encodeAwarenessEntries(entries),
      connection,
    );
  }

  private broadcast(changes: AwarenessChanges, origin: unknown): void {
    this.message = null;
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed);
    this.members.broadcast(encodeAwarenessMessage(update), origin);
    // each process expires stale states itself ("timeout"); remote ones came from the bus
    if (origin !== REMOTE_ORIGIN && origin !== "timeout") this.publish?.(update);
  }
}

const NULL_JSON = [0x6e, 0x75, 0x6c, 0x6c];

function isNullState(state: Uint8Array): boolean {
  return state.length === NULL_JSON.length && NULL_JSON.every((byte, i) => state[i] === byte);
}
