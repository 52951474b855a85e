import * as Y from "yjs";
import type { BusLink } from "./bus-link";
import type { CloseEventName } from "./close-codes";
import { RoomCompaction } from "./compaction";
import type { Connection } from "./connection";
import { DocumentCaches } from "./document-caches";
import type { ReviewContext } from "./guard-review";
import { reviewTurn } from "./guard-review";
import { isWriter, type SyncRole } from "./identity";
import type { SyncLimits } from "./limits";
import type { Logger } from "./logger";
import { MessageDispatch } from "./message-dispatch";
import { describeError, encodeSyncMessage, SYNC_STEP_2 } from "./protocol";
import { RoomAwareness } from "./room-awareness";
import { RoomCommit } from "./room-commit";
import { RoomLog } from "./room-log";
import { RoomMembers } from "./room-members";
import type { SyncCounters } from "./stats";
import { startTimer, stopTimer, type TimerHandle } from "./timers";
import type { UpdateGuard, UpdateWriter } from "./update-guard";
import { UpdateIntake } from "./update-intake";
import type { LoggedUpdate, UpdateLog } from "./update-log";
import { type PendingUpdate, UpdateQueue } from "./update-queue";

export type RoomContext = {
  readonly log: UpdateLog;
  readonly logger: Logger;
  readonly limits: SyncLimits;
  readonly counters: SyncCounters;
  readonly now: () => number;
  readonly onDocumentChanged: ((docName: string, ydoc: Y.Doc) => void) | undefined;
  readonly onUpdateAccepted:
    | ((docName: string, update: Uint8Array, writer: UpdateWriter | null) => void)
    | undefined;
  readonly guard: UpdateGuard | undefined;
  /** The other processes of the deployment, or undefined when this one is alone. */
  readonly bus: BusLink | undefined;
  readonly onUnload: (room: Room) => void;
  /** Stores `room`'s pending updates, with every other room's, after this turn of the event loop. */
  readonly requestFlush: (room: Room) => void;
  /** Stores every room's pending updates now. */
  readonly flush: () => void;
};

/**
 * One loaded document with its presence and its connections: joins and leaves, role changes,
 * the turn's batch, unloading. Each job lives in its own part, wired together here.
 */
export class Room {
  readonly docName: string;
  private readonly context: RoomContext;
  private readonly ydoc: Y.Doc;
  private readonly members: RoomMembers;
  private readonly caches: DocumentCaches;
  private readonly roomLog: RoomLog;
  private readonly queue: UpdateQueue;
  private readonly awareness: RoomAwareness;
  private readonly compaction: RoomCompaction;
  private readonly commits: RoomCommit;
  private readonly intake: UpdateIntake;
  private readonly dispatch: MessageDispatch;
  private readonly review: ReviewContext;
  private unloadTimer: TimerHandle | null = null;
  private isUnloaded = false;

  /** Loads the document from its snapshot and log; throws if the log cannot be read. */
  static load(docName: string, context: RoomContext): Room {
    const loaded = context.log.load(docName);
    const room = new Room(docName, context, (roomLog) => roomLog.restore(loaded));
    room.compaction.scheduleIfDue();
    // presence of the clients other processes hold, without waiting for their renewal
    context.bus?.queryAwareness(docName);
    context.logger.debug("Loaded document", {
      ...room.members.fields(),
      updates: loaded.updates.length,
      hasSnapshot: loaded.snapshot !== null,
    });
    return room;
  }

  private constructor(docName: string, context: RoomContext, restore: (roomLog: RoomLog) => void) {
    const { logger, limits, counters } = context;
    this.docName = docName;
    this.context = context;
    this.ydoc = new Y.Doc({ gc: true });
    this.members = new RoomMembers(docName, logger, counters, limits.heartbeatMs, (connection) =>
      this.left(connection),
    );
    this.caches = new DocumentCaches(this.ydoc, counters);
    this.roomLog = new RoomLog(docName, this.ydoc, context, this.caches);
    // before anything listens: replaying the log is no change to broadcast
    restore(this.roomLog);
    this.queue = new UpdateQueue(this.ydoc, () => this.caches.deleteSet());
    const { bus } = context;
    this.awareness = new RoomAwareness(
      this.ydoc,
      this.members,
      limits,
      context.now,
      bus && ((update) => bus.publishAwareness(docName, update)),
    );
    this.compaction = new RoomCompaction(
      docName,
      this.ydoc,
      {
        ...context,
        compactAfterUpdates: limits.compactAfterUpdates,
        catchUp: bus && (() => this.catchUp()),
        claim: bus && (() => bus.claimCompaction(docName)),
      },
      this.roomLog,
      this.caches,
      this.members,
    );
    this.commits = new RoomCommit(
      docName,
      this.ydoc,
      context,
      this.members,
      this.caches,
      this.roomLog,
      this.compaction,
    );
    this.intake = new UpdateIntake(
      docName,
      this.ydoc,
      { ...context, requestFlush: () => context.requestFlush(this) },
      this.members,
      this.queue,
      this.caches,
      () => !this.isUnloaded,
    );
    this.dispatch = new MessageDispatch(this.members, logger, limits.maxMessageBytes, {
      syncStep1: (connection, stateVector) => this.answerSyncStep1(connection, stateVector),
      update: (connection, update) => this.intake.receive(connection, update),
      awareness: (connection, update) => this.awareness.receive(connection, update),
      queryAwareness: (connection) => this.sendPresence(connection),
    });
    this.review = {
      docName,
      guard: context.guard,
      logger,
      counters,
      scratchCopy: (then) => this.caches.scratchCopy(then),
      refuse: (connection, close) => this.members.close(connection, close, "none"),
      fields: (connection) => this.members.fields(connection),
    };
  }

  get isLoaded(): boolean {
    return !this.isUnloaded;
  }

  get connectionCount(): number {
    return this.members.size;
  }

  join(connection: Connection): void {
    const { limits, logger } = this.context;
    const { socket } = connection;
    // an unhandled "error" event would crash the process, so listen before anything can fail
    socket.on("error", (error) => {
      logger.warn("Socket error", { ...this.members.fields(connection), error: error.message });
    });
    if (limits.maxConnectionsPerRoom > 0 && this.members.size >= limits.maxConnectionsPerRoom) {
      this.members.close(connection, "roomFull");
      return;
    }
    stopTimer(this.unloadTimer);
    this.unloadTimer = null;
    this.members.add(connection);
    socket.on("message", (data, isBinary) => this.dispatch.receive(connection, data, isBinary));
    socket.on("close", () =>
      this.members.runSafely("handle a closed socket", null, () => this.members.leave(connection)),
    );
    socket.on("pong", () => {
      connection.isAlive = true;
    });
    this.members.send(connection, this.caches.stateVectorMessage());
    this.sendPresence(connection);
    logger.debug("Connection joined", {
      ...this.members.fields(connection),
      role: connection.role,
    });
  }

  /** Applies a role change to this user's live connections; null removes them. */
  setRole(userId: string, role: SyncRole | null): void {
    for (const connection of [...this.members.connections.values()]) {
      if (connection.user.id !== userId) continue;
      const couldWrite = isWriter(connection.role);
      connection.role = role;
      if (role === null) {
        this.members.close(connection, "accessRevoked", "info");
      } else if (!couldWrite && isWriter(role)) {
        // ask again for the client's state: it holds edits we refused while it could not write
        this.members.send(connection, this.caches.stateVectorMessage());
      }
    }
  }

  /** Rows another process stored and published: applied and broadcast unless already held. */
  receiveRows(rows: readonly LoggedUpdate[]): void {
    const { coverage } = this.roomLog;
    const fresh = rows.filter(({ id }) => !coverage.has(id));
    if (fresh.length === 0 || this.isUnloaded) return;
    for (const { id } of fresh) coverage.add(id);
    this.roomLog.countStored(fresh.length);
    this.context.counters.remoteUpdates += fresh.length;
    // held back: they build on a row the bus lost, which the log has (stored before published)
    if (!this.commits.applyRemote(fresh.map(({ update }) => update))) this.catchUp();
  }

  /**
   * Applies what the log holds and this document lacks (a lost message, a compaction elsewhere)
   * and broadcasts it. Throws when the log cannot be read.
   */
  catchUp(): void {
    const bus = this.context.bus;
    if (bus === undefined || this.isUnloaded) return;
    const { coverage } = this.roomLog;
    const { snapshot, updates } = bus.catchUp.readSince(this.docName, coverage.covered);
    const missing = updates.filter(({ id }) => !coverage.has(id));
    const top = Math.max(snapshot?.upToId ?? 0, updates.at(-1)?.id ?? 0);
    if (snapshot !== null || missing.length > 0) {
      const found = missing.map(({ update }) => update);
      if (snapshot !== null) found.unshift(snapshot.state);
      this.roomLog.countStored(missing.length);
      this.context.counters.caughtUpUpdates += missing.length;
      if (!this.commits.applyRemote(found)) this.commits.dropHeldBack();
    }
    this.roomLog.coverTo(top);
  }

  /** The cheap check: catches up only when the log holds a row this document lacks. */
  checkLog(): void {
    const bus = this.context.bus;
    if (bus === undefined || this.isUnloaded) return;
    const { coverage } = this.roomLog;
    const { snapshotUpToId, ids } = bus.catchUp.idsSince(this.docName, coverage.covered);
    if (snapshotUpToId > coverage.covered || ids.some((id) => !coverage.has(id))) {
      this.catchUp();
      return;
    }
    this.roomLog.coverTo(ids.at(-1) ?? 0);
  }

  /** Presence another process's clients sent. */
  receivePresence(update: Uint8Array): void {
    if (!this.isUnloaded) this.awareness.applyRemote(update);
  }

  /** Another process loaded the document: tell it who is present here. */
  answerPresenceQuery(): void {
    const update = this.isUnloaded ? null : this.awareness.localUpdate();
    if (update !== null) this.context.bus?.publishAwareness(this.docName, update);
  }

  closeAll(event: CloseEventName): void {
    this.members.closeAll(event);
  }

  /**
   * Hands over the updates queued this turn that may still be stored (roles can change
   * meanwhile), each followed by the guard's correction when it needs one.
   */
  takePending(): PendingUpdate[] {
    return reviewTurn(this.queue.take(), this.review);
  }

  /** The batch is stored (`ids` are its rows): apply it, which broadcasts it. */
  commit(accepted: readonly PendingUpdate[], ids: readonly number[]): void {
    this.commits.commitBatch(accepted, ids);
  }

  /** A change the server made itself (e.g. through the HTTP API), already stored: apply and broadcast it. */
  commitServerUpdate(update: Uint8Array, id: number): void {
    this.commits.commitServerUpdate(update, id);
    this.scheduleUnloadIfIdle();
  }

  /** The batch could not be stored: nothing of it is applied; its senders reconnect and resend. */
  refuse(accepted: readonly PendingUpdate[]): void {
    for (const connection of new Set(accepted.map(({ connection }) => connection))) {
      this.members.close(connection, "storageUnavailable", "warn");
    }
  }

  /** A copy of the document as it is, for the caller to destroy. */
  scratchCopy(): Y.Doc {
    return this.caches.scratchCopy();
  }

  /** The document as applied, encoded once per change however often it is asked for. */
  encodeState(): Uint8Array {
    // a copy: the cached bytes also go to every joiner
    return this.caches.encodedState().slice();
  }

  /** Flushes, compacts and frees the document; the room cannot be used afterwards. */
  unload(): void {
    if (this.isUnloaded) return;
    this.members.runSafely("close and compact before unloading", null, () => {
      this.members.closeAll("shuttingDown");
      this.compaction.compact();
    });
    this.free();
    this.context.logger.debug("Unloaded document", this.members.fields());
  }

  /**
   * Frees the room without compacting, after a failure left its document in doubt: its clients
   * reconnect and the next connection loads the document afresh from the log.
   */
  discard(): void {
    if (this.isUnloaded) return;
    this.members.runSafely("close the connections of a discarded room", null, () =>
      this.members.closeAll("internalError"),
    );
    this.queue.clear();
    this.free();
  }

  private free(): void {
    this.isUnloaded = true;
    stopTimer(this.unloadTimer);
    this.unloadTimer = null;
    this.members.retire();
    this.compaction.stop();
    this.members.runSafely("free the document", null, () => {
      this.awareness.destroy();
      this.ydoc.destroy();
    });
    this.caches.free();
    this.context.onUnload(this);
  }

  private left(connection: Connection): void {
    this.awareness.release(connection);
    this.scheduleUnloadIfIdle();
  }

  private scheduleUnloadIfIdle(): void {
    if (this.members.size > 0 || this.isUnloaded || this.unloadTimer !== null) return;
    this.members.stopHeartbeat();
    this.unloadTimer = startTimer(() => {
      this.unloadTimer = null;
      if (this.members.size === 0) this.unload();
    }, this.context.limits.unloadDelayMs);
  }

  private answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    let clients: Map<number, number>;
    try {
      clients = Y.decodeStateVector(stateVector);
    } catch (error) {
      this.members.close(connection, "badMessage", "warn", {
        detail: `state vector: ${describeError(error)}`,
      });
      return;
    }
    if (clients.size === 0) {
      this.members.send(connection, this.caches.stateMessage());
      return;
    }
    const update = Y.encodeStateAsUpdate(this.ydoc, stateVector);
    this.members.send(connection, encodeSyncMessage(SYNC_STEP_2, update));
  }

  private sendPresence(connection: Connection): void {
    const message = this.awareness.currentMessage();
    if (message !== null) this.members.send(connection, message);
  }
}
