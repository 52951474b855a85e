import { canWriteDocument } from "@junction/domain";
import { decodeUtf8 } from "lib0/string";
import * as awarenessProtocol from "y-protocols/awareness";
import * as Y from "yjs";
import { type CloseEvent, type CloseEventName, CloseEvents } from "./close-codes";
import type { Connection } from "./connection";
import { type SyncRole, stampAwarenessState } from "./identity";
import type { SyncLimits } from "./limits";
import type { LogFields, Logger } from "./logger";
import { checkPlacement, type PlacedEnd, type PlacementContext } from "./placement";
import {
  type AwarenessEntry,
  type ClientMessage,
  describeError,
  encodeAwarenessEntries,
  encodeAwarenessMessage,
  encodeSyncMessage,
  parseMessage,
  readAwarenessEntries,
  SYNC_STEP_1,
  SYNC_STEP_2,
  SYNC_UPDATE,
  syncPayloadOffset,
  type UntrustedUpdate,
} from "./protocol";
import { quarantineRestored, restoreDocument } from "./restore";
import type { SyncCounters } from "./stats";
import { SOCKET_OPEN, type SocketData } from "./sync-socket";
import { startTimer, stopTimer, type TimerHandle } from "./timers";
import {
  applyCompletely,
  checkUpdate,
  type DecodedUpdate,
  dropHeldBack,
  hasHeldBack,
  type KnownState,
} from "./update-check";
import type { UpdateGuard, UpdateWriter } from "./update-guard";
import type { LoadedDocument, Quarantine, UpdateLog } from "./update-log";

export type RoomContext = {
  readonly log: UpdateLog;
  readonly logger: Logger;
  readonly limits: SyncLimits;
  readonly counters: SyncCounters;
  readonly now: () => number;
  readonly onDocumentChanged: ((docName: string, ydoc: Y.Doc) => void) | undefined;
  readonly guard: UpdateGuard | undefined;
  readonly onUnload: (room: Room) => void;
  /** Stores every room's pending updates after this turn of the event loop, in one append. */
  readonly requestFlush: () => void;
  /** Stores every room's pending updates now. */
  readonly flush: () => void;
};

/** Origin of changes the server makes itself; every connection receives them. */
const SERVER_ORIGIN = Symbol("server");

/** Origin of a writer's update applied to a scratch copy under review. */
const WRITER_ORIGIN = Symbol("writer");

export type PendingUpdate = {
  readonly connection: Connection;
  readonly update: Uint8Array;
  /** The guard asked to review it before it is stored. */
  readonly needsReview: boolean;
  /** The server's correction of the update before it (sent to everyone, its writer included). */
  readonly isCorrection: boolean;
};

/** One loaded document, its presence and its connections. */
export class Room {
  readonly docName: string;
  readonly ydoc: Y.Doc;
  readonly awareness: awarenessProtocol.Awareness;
  readonly connections = new Map<Connection["socket"], Connection>();
  private readonly context: RoomContext;
  private readonly awarenessOwners = new Map<number, Connection>();
  private pending: PendingUpdate[] = [];
  private pendingBytes = 0;
  private lastUpdateId = 0;
  private updatesSinceCompaction = 0;
  /** Upper bound of the encoded document size, made exact whenever it nears the limit. */
  private documentBytes = 0;
  private stateMessage: Uint8Array | null = null;
  private stateVectorMessage: Uint8Array | null = null;
  private awarenessMessage: Uint8Array | null = null;
  private deletions: ReturnType<typeof Y.createDeleteSetFromStructStore> | null = null;
  private hasChanged = false;
  /** Stored rows to move aside that the log could not take yet (retried at compaction). */
  private owedQuarantine: Pick<Quarantine, "updates" | "snapshotReason"> | null = null;
  /** Each client's next clock once this turn's queued updates are applied (cleared at flush). */
  private readonly queuedClocks = new Map<number, number>();
  /** The last item each client's queued updates placed (cleared at flush). */
  private readonly queuedEnds = new Map<number, PlacedEnd>();
  private compactTimer: TimerHandle | null = null;
  private unloadTimer: TimerHandle | null = null;
  private heartbeatTimer: TimerHandle | null = null;
  private isUnloaded = false;
  private readonly known: KnownState;

  private constructor(docName: string, context: RoomContext) {
    this.docName = docName;
    this.context = context;
    this.ydoc = new Y.Doc({ gc: true });
    this.awareness = new awarenessProtocol.Awareness(this.ydoc);
    this.awareness.setLocalState(null);
    this.known = {
      clockOf: (client) =>
        Math.max(Y.getState(this.ydoc.store, client), this.queuedClocks.get(client) ?? 0),
      deleteSet: () => {
        this.deletions ??= Y.createDeleteSetFromStructStore(this.ydoc.store);
        return this.deletions;
      },
    };
  }

  /** Loads the document from its snapshot and log; throws if the log cannot be read. */
  static load(docName: string, context: RoomContext): Room {
    const room = new Room(docName, context);
    const loaded = context.log.load(docName);
    room.restore(loaded);
    room.ydoc.on("update", (update: Uint8Array, origin: unknown) =>
      room.broadcastUpdate(update, origin),
    );
    room.awareness.on("update", (changes: AwarenessChanges, origin: unknown) =>
      room.broadcastAwareness(changes, origin),
    );
    if (room.isCompactionDue()) room.scheduleCompaction();
    context.logger.debug("Loaded document", {
      ...room.fields(),
      updates: loaded.updates.length,
      hasSnapshot: loaded.snapshot !== null,
    });
    return room;
  }

  /** Replays the snapshot and the log; what does not apply cleanly is quarantined. */
  private restore(loaded: LoadedDocument): void {
    const restored = restoreDocument(this.ydoc, loaded);
    this.lastUpdateId = restored.lastUpdateId;
    this.documentBytes = restored.storedBytes;
    this.updatesSinceCompaction = loaded.updates.length;
    if (restored.quarantined.length > 0 || restored.snapshotReason !== null) {
      this.quarantine(restored.quarantined, restored.snapshotReason, "on load");
    }
  }

  get isLoaded(): boolean {
    return !this.isUnloaded;
  }

  join(connection: Connection): void {
    const { limits } = this.context;
    const { socket } = connection;
    // an unhandled "error" event would crash the process, so listen before anything can fail
    socket.on("error", (error) => {
      this.context.logger.warn("Socket error", {
        ...this.fields(connection),
        error: error.message,
      });
    });
    if (limits.maxConnectionsPerRoom > 0 && this.connections.size >= limits.maxConnectionsPerRoom) {
      this.close(connection, "roomFull");
      return;
    }
    stopTimer(this.unloadTimer);
    this.unloadTimer = null;
    this.connections.set(socket, connection);
    socket.on("message", (data, isBinary) => this.receive(connection, data, isBinary));
    socket.on("close", () =>
      this.runSafely("handle a closed socket", null, () => this.leave(connection)),
    );
    socket.on("pong", () => {
      connection.isAlive = true;
    });
    this.startHeartbeat();
    this.send(connection, this.getStateVectorMessage());
    if (this.awareness.getStates().size > 0) this.send(connection, this.getAwarenessMessage());
    this.context.logger.debug("Connection joined", {
      ...this.fields(connection),
      role: connection.role,
    });
  }

  /** Applies a role change to this user's live connections; null removes them. */
  setRole(userId: string, role: SyncRole | null): void {
    for (const connection of [...this.connections.values()]) {
      if (connection.user.id !== userId) continue;
      const couldWrite = connection.role !== null && canWriteDocument(connection.role);
      connection.role = role;
      if (role === null) {
        this.close(connection, "accessRevoked", "info");
      } else if (!couldWrite && canWriteDocument(role)) {
        // ask again for the client's state: it holds edits we refused while it could not write
        this.send(connection, this.getStateVectorMessage());
      }
    }
  }

  closeAll(event: CloseEventName): void {
    for (const connection of [...this.connections.values()]) this.close(connection, event, "info");
  }

  /**
   * Hands over the updates queued this turn that may still be stored (roles can change
   * meanwhile), each followed by the guard's correction when it needs one.
   */
  takePending(): PendingUpdate[] {
    if (this.pending.length === 0) return [];
    const batch = this.pending.filter(({ connection }) => isWriter(connection.role));
    this.pending = [];
    this.pendingBytes = 0;
    this.queuedClocks.clear();
    this.queuedEnds.clear();
    const { guard } = this.context;
    if (guard === undefined || !batch.some(({ needsReview }) => needsReview)) return batch;
    try {
      return this.review(batch, guard);
    } catch (error) {
      // nothing of the batch was judged, so nothing of it is stored; its writers resend
      this.context.logger.error("Could not review this turn's updates; dropped them", {
        ...this.fields(),
        error: describeError(error),
      });
      for (const connection of new Set(batch.map((entry) => entry.connection))) {
        this.close(connection, "internalError", "none");
      }
      return [];
    }
  }

  /** Replays the batch on a scratch copy so each reviewed update is judged on what precedes it. */
  private review(batch: readonly PendingUpdate[], guard: UpdateGuard): PendingUpdate[] {
    const reviewed: PendingUpdate[] = [];
    const dropped = new Set<Connection>();
    let scratch = this.scratchCopy();
    try {
      for (const pending of batch) {
        const { connection } = pending;
        // later updates of a writer whose update was dropped would only wait for it forever
        if (dropped.has(connection)) continue;
        const outcome = this.reviewOne(scratch, pending, guard);
        if (outcome.ok) {
          reviewed.push(pending, ...outcome.corrections);
          continue;
        }
        dropped.add(connection);
        this.close(connection, outcome.close, "none");
        const kept = reviewed.filter((entry) => entry.connection !== connection);
        reviewed.length = 0;
        reviewed.push(...kept);
        scratch.destroy();
        scratch = this.scratchCopy(reviewed);
      }
    } finally {
      scratch.destroy();
    }
    return reviewed;
  }

  /** Applies one queued update to the scratch copy, through the guard when it asked to see it. */
  private reviewOne(
    scratch: Y.Doc,
    pending: PendingUpdate,
    guard: UpdateGuard,
  ): { ok: true; corrections: PendingUpdate[] } | { ok: false; close: CloseEventName } {
    const { connection, update } = pending;
    const fail = (
      message: string,
      close: CloseEventName,
      error: unknown,
    ): { ok: false; close: CloseEventName } => {
      // never store an update that could not be judged or applied; the writer resends on reconnect
      this.context.logger.error(message, {
        ...this.fields(connection),
        error: describeError(error),
      });
      return { ok: false, close };
    };
    const notApplied = "A queued update did not apply cleanly to the scratch copy; dropped it";
    if (!pending.needsReview) {
      try {
        applyCompletely(scratch, update);
      } catch (error) {
        return fail(notApplied, "invalidUpdate", error);
      }
      return { ok: true, corrections: [] };
    }
    let applyError: unknown = null;
    let isApplied = false;
    const apply = (): void => {
      try {
        applyCompletely(scratch, update, WRITER_ORIGIN);
        isApplied = true;
      } catch (error) {
        applyError ??= error;
        throw error;
      }
    };
    const corrections: Uint8Array[] = [];
    const collect = (correction: Uint8Array, origin: unknown): void => {
      if (origin !== WRITER_ORIGIN) corrections.push(correction);
    };
    let reason: string | null;
    scratch.on("update", collect);
    try {
      reason = guard.review(scratch, apply, this.writerOf(connection));
    } catch (error) {
      if (applyError !== null) return fail(notApplied, "invalidUpdate", applyError);
      return fail("The update guard failed; dropped the update", "internalError", error);
    } finally {
      scratch.off("update", collect);
    }
    if (applyError !== null) return fail(notApplied, "invalidUpdate", applyError);
    if (!isApplied || hasHeldBack(scratch)) {
      const error = new Error("the guard did not apply the update, or left part of it held back");
      return fail("The update guard failed; dropped the update", "internalError", error);
    }
    if (corrections.length === 0) return { ok: true, corrections: [] };
    this.context.counters.correctedUpdates++;
    this.context.logger.info("Put back what a writer may not change", {
      ...this.fields(connection),
      detail: reason ?? "",
    });
    const correction = Y.mergeUpdates(corrections);
    return {
      ok: true,
      corrections: [{ connection, update: correction, needsReview: false, isCorrection: true }],
    };
  }

  /**
   * A copy of the document as it is plus `then`, for the caller to destroy. Throws if any of
   * `then` does not apply completely: the room itself never holds anything back.
   */
  scratchCopy(then: readonly PendingUpdate[] = []): Y.Doc {
    const scratch = new Y.Doc();
    try {
      Y.applyUpdate(scratch, this.getEncodedState());
      for (const { update } of then) applyCompletely(scratch, update);
    } catch (error) {
      scratch.destroy();
      throw error;
    }
    return scratch;
  }

  private writerOf(connection: Connection): UpdateWriter {
    return {
      docName: this.docName,
      user: connection.user,
      role: connection.role ?? "viewer",
    };
  }

  /** The batch is stored (`ids` are its rows): apply it, which broadcasts it. */
  commit(accepted: readonly PendingUpdate[], ids: readonly number[]): void {
    this.updatesSinceCompaction += accepted.length;
    this.context.counters.appendedUpdates += accepted.length;
    this.hasChanged = false;
    for (let i = 0; i < accepted.length; i++) {
      const { connection, update } = accepted[i] as PendingUpdate;
      const rows = [ids[i] ?? 0];
      const correction = accepted[i + 1]?.isCorrection ? accepted[++i]?.update : undefined;
      if (correction !== undefined) rows.push(ids[i] ?? 0);
      this.lastUpdateId = Math.max(this.lastUpdateId, ...rows);
      this.integrateStored(rows, connection, () => {
        if (correction === undefined) {
          Y.applyUpdate(this.ydoc, update, connection);
          return;
        }
        // one transaction, so one broadcast (to the writer too): nobody sees what is put back
        this.ydoc.transact(() => {
          Y.applyUpdate(this.ydoc, update);
          Y.applyUpdate(this.ydoc, correction);
        }, SERVER_ORIGIN);
      });
    }
    if (this.hasChanged) this.notifyChanged();
    if (this.isCompactionDue()) {
      this.scheduleCompaction();
    }
  }

  /** A change the server made itself (e.g. through the HTTP API), already stored: apply and broadcast it. */
  commitServerUpdate(update: Uint8Array, id: number): void {
    this.lastUpdateId = Math.max(this.lastUpdateId, id);
    this.updatesSinceCompaction++;
    this.context.counters.appendedUpdates++;
    this.hasChanged = false;
    this.integrateStored([id], null, () => Y.applyUpdate(this.ydoc, update, SERVER_ORIGIN));
    if (this.hasChanged) this.notifyChanged();
    if (this.isCompactionDue()) this.scheduleCompaction();
    this.scheduleUnloadIfIdle();
  }

  /**
   * Applies stored rows to the document. `checkUpdate` refuses whatever would not integrate, so a
   * throw or a held-back rest here is a bug: the rest is dropped (nothing may wait in the room),
   * the rows are quarantined with the document as it now is, and the sender is closed.
   */
  private integrateStored(
    ids: readonly number[],
    connection: Connection | null,
    apply: () => void,
  ): void {
    let reason: string | null = null;
    try {
      apply();
    } catch (error) {
      reason = `does not apply: ${describeError(error)}`;
    }
    if (reason === null && !hasHeldBack(this.ydoc)) return;
    dropHeldBack(this.ydoc);
    reason ??= "Yjs held part of it back";
    this.invalidateDocumentCaches();
    this.context.logger.error("A stored update did not apply cleanly", {
      ...this.fields(connection ?? undefined),
      ids,
      detail: reason,
    });
    if (connection !== null) this.close(connection, "invalidUpdate", "none");
    this.quarantine(
      ids.map((id) => ({ id, reason })),
      null,
      "after storing",
    );
  }

  /** Moves broken stored state aside and stores the document as it is as the new snapshot. */
  private quarantine(
    updates: Quarantine["updates"],
    snapshotReason: string | null,
    when: string,
  ): boolean {
    const owed = this.owedQuarantine;
    const all = { updates: [...(owed?.updates ?? []), ...updates], snapshotReason };
    all.snapshotReason ??= owed?.snapshotReason ?? null;
    const restored = { ...all, quarantined: all.updates, lastUpdateId: this.lastUpdateId };
    const { log, logger, counters } = this.context;
    const isQuarantined = quarantineRestored(log, logger, this.docName, this.ydoc, restored, {
      when,
    });
    if (!isQuarantined) {
      // until it is, a compaction must not delete these rows: it quarantines them instead
      this.owedQuarantine = all;
      return false;
    }
    this.owedQuarantine = null;
    this.updatesSinceCompaction = 0;
    this.documentBytes = this.getEncodedState().length;
    counters.quarantinedUpdates += all.updates.length;
    return true;
  }

  /** The batch could not be stored: nothing of it is applied; its senders reconnect and resend. */
  refuse(accepted: readonly PendingUpdate[]): void {
    for (const connection of new Set(accepted.map(({ connection }) => connection))) {
      this.close(connection, "storageUnavailable", "warn");
    }
  }

  /** Writes a snapshot covering every stored update and deletes them from the log. */
  compact(): void {
    stopTimer(this.compactTimer);
    this.compactTimer = null;
    this.context.flush();
    if (this.updatesSinceCompaction === 0 || this.isUnloaded) return;
    if (hasHeldBack(this.ydoc)) {
      // never fold a held-back rest into a snapshot, where every load would hold it again
      this.context.logger.error("Did not compact: the document holds structs back", this.fields());
      return;
    }
    if (this.owedQuarantine !== null) {
      if (this.quarantine([], null, "at compaction")) this.context.counters.compactions++;
      return;
    }
    const upToId = this.lastUpdateId;
    try {
      const state = this.getEncodedState();
      this.context.log.compact(this.docName, state, upToId);
      this.updatesSinceCompaction = 0;
      this.documentBytes = state.length;
      this.context.counters.compactions++;
      this.context.logger.debug("Compacted document", {
        ...this.fields(),
        upToId,
        bytes: state.length,
      });
    } catch (error) {
      // the log still holds every update; compaction is retried after the next updates or on unload
      this.context.logger.warn("Compaction failed", {
        ...this.fields(),
        error: describeError(error),
      });
    }
  }

  /** Flushes, compacts and frees the document; the room cannot be used afterwards. */
  unload(): void {
    if (this.isUnloaded) return;
    this.runSafely("close and compact before unloading", null, () => {
      this.closeAll("shuttingDown");
      this.compact();
    });
    this.free();
    this.context.logger.debug("Unloaded document", this.fields());
  }

  /**
   * Frees the room without compacting, after a failure left its document in doubt: its clients
   * reconnect and the next connection loads the document afresh from the log.
   */
  discard(): void {
    if (this.isUnloaded) return;
    this.runSafely("close the connections of a discarded room", null, () =>
      this.closeAll("internalError"),
    );
    this.pending = [];
    this.free();
  }

  private free(): void {
    this.isUnloaded = true;
    stopTimer(this.unloadTimer);
    stopTimer(this.heartbeatTimer);
    stopTimer(this.compactTimer);
    this.unloadTimer = null;
    this.heartbeatTimer = null;
    this.compactTimer = null;
    this.runSafely("free the document", null, () => {
      this.awareness.destroy();
      this.ydoc.destroy();
    });
    this.stateMessage = null;
    this.context.onUnload(this);
  }

  /** The full document state, encoded once per change however many clients ask for it. */
  getEncodedState(): Uint8Array {
    const message = this.getStateMessage();
    return message.subarray(syncPayloadOffset(message));
  }

  private receive(connection: Connection, data: SocketData, isBinary: boolean): void {
    if (connection.isClosed) return;
    connection.isAlive = true;
    try {
      const bytes = toBytes(data);
      const { limits } = this.context;
      if (limits.maxMessageBytes > 0 && bytes.length > limits.maxMessageBytes) {
        this.close(connection, "messageTooLarge", "warn", { bytes: bytes.length });
        return;
      }
      if (!isBinary) {
        this.close(connection, "badMessage", "warn", { detail: "text frame" });
        return;
      }
      const parsed = parseMessage(bytes);
      if (!parsed.ok) {
        this.close(connection, "badMessage", "warn", {
          detail: parsed.reason,
          bytes: bytes.length,
        });
        return;
      }
      this.handle(connection, parsed.message);
    } catch (error) {
      this.context.logger.error("Failed to handle a message", {
        ...this.fields(connection),
        error: describeError(error),
      });
      this.close(connection, "internalError", "none");
    }
  }

  private handle(connection: Connection, message: ClientMessage): void {
    switch (message.type) {
      case "sync-step-1":
        this.answerSyncStep1(connection, message.stateVector);
        return;
      case "sync-step-2":
      case "update":
        this.receiveUpdate(connection, message.update);
        return;
      case "awareness":
        this.receiveAwareness(connection, message.update);
        return;
      case "query-awareness":
        if (this.awareness.getStates().size > 0) this.send(connection, this.getAwarenessMessage());
        return;
      case "auth":
        return;
      default:
        assertNever(message);
    }
  }

  private answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    let clients: Map<number, number>;
    try {
      clients = Y.decodeStateVector(stateVector);
    } catch (error) {
      this.close(connection, "badMessage", "warn", {
        detail: `state vector: ${describeError(error)}`,
      });
      return;
    }
    if (clients.size === 0) {
      this.send(connection, this.getStateMessage());
      return;
    }
    const update = Y.encodeStateAsUpdate(this.ydoc, stateVector);
    this.send(connection, encodeSyncMessage(SYNC_STEP_2, update));
  }

  private receiveUpdate(connection: Connection, update: UntrustedUpdate): void {
    const { limits, counters, now } = this.context;
    if (!connection.updates.take(now())) {
      this.close(connection, "rateLimited", "warn");
      return;
    }
    const check = checkUpdate(update, this.known);
    if (check.status === "invalid") {
      this.close(connection, "invalidUpdate", "warn", {
        detail: check.reason,
        bytes: update.length,
      });
      return;
    }
    if (check.status === "known") return;
    if (!isWriter(connection.role)) {
      // refuse without closing: the stock client would reconnect and resend forever
      counters.refusedUpdates++;
      this.context.logger.debug("Refused an update from a read-only connection", {
        ...this.fields(connection),
        role: connection.role,
      });
      return;
    }
    if (check.status === "out-of-sync") {
      // Yjs would hold it back, and a room holding something back poisons every later copy
      this.close(connection, "outOfSync", "warn", { detail: check.reason, bytes: update.length });
      return;
    }
    let placement = checkPlacement(update, check.decoded, this.placementContext());
    if (placement.status === "after-queued") {
      // judged against the document once this turn's queued updates are stored and applied
      this.context.flush();
      if (connection.isClosed || this.isUnloaded) return;
      placement = checkPlacement(update, check.decoded, this.placementContext());
    }
    if (placement.status !== "ok") {
      this.close(connection, "invalidUpdate", "warn", {
        detail: placement.status === "misplaced" ? placement.reason : "queued updates not stored",
        bytes: update.length,
      });
      return;
    }
    if (this.wouldExceedDocumentLimit(update.length, limits.maxDocumentBytes)) {
      this.close(connection, "documentTooLarge", "warn", { bytes: update.length });
      return;
    }
    const needsReview = this.needsReview(connection, placement.decoded);
    this.pending.push({ connection, update: placement.update, needsReview, isCorrection: false });
    for (const [client, clock] of check.clocks) {
      if (clock > (this.queuedClocks.get(client) ?? 0)) this.queuedClocks.set(client, clock);
    }
    for (const [client, end] of placement.ends) this.queuedEnds.set(client, end);
    this.pendingBytes += update.length;
    this.documentBytes += update.length;
    this.context.requestFlush();
  }

  private placementContext(): PlacementContext {
    return {
      ydoc: this.ydoc,
      clockOf: this.known.clockOf,
      queuedEnds: this.queuedEnds,
      makeScratch: () => this.scratchCopy(),
    };
  }

  private needsReview(connection: Connection, decoded: DecodedUpdate): boolean {
    const { guard } = this.context;
    if (guard === undefined) return false;
    try {
      return guard.concerns(decoded, this.ydoc, this.writerOf(connection));
    } catch (error) {
      this.context.logger.warn("The update guard could not triage an update; reviewing it", {
        ...this.fields(connection),
        error: describeError(error),
      });
      return true;
    }
  }

  private wouldExceedDocumentLimit(bytes: number, maxDocumentBytes: number): boolean {
    if (maxDocumentBytes <= 0 || this.documentBytes + bytes <= maxDocumentBytes) return false;
    this.documentBytes = this.getEncodedState().length + this.pendingBytes;
    return this.documentBytes + bytes > maxDocumentBytes;
  }

  private receiveAwareness(connection: Connection, update: Uint8Array): void {
    const { limits, now } = this.context;
    if (limits.maxAwarenessBytes > 0 && update.length > limits.maxAwarenessBytes) {
      this.close(connection, "messageTooLarge", "warn", { bytes: update.length, awareness: true });
      return;
    }
    let entries: AwarenessEntry[];
    try {
      entries = readAwarenessEntries(update);
    } catch (error) {
      this.close(connection, "badMessage", "warn", {
        detail: `awareness: ${describeError(error)}`,
      });
      return;
    }
    // stock clients echo every state they receive; only the sender's own client ids count
    const own = entries.filter((entry) => this.claimAwarenessClient(connection, entry));
    if (own.length === 0) return;
    for (const entry of own) connection.pendingAwareness.set(entry.clientID, entry);
    if (connection.awarenessTimer !== null) return;
    const waitMs = connection.awareness.take(now()) ? 0 : connection.awareness.waitMs(now());
    if (waitMs === 0) {
      this.applyPendingAwareness(connection);
      return;
    }
    connection.awarenessTimer = startTimer(() => {
      connection.awarenessTimer = null;
      if (connection.isClosed || this.isUnloaded) return;
      this.runSafely("apply throttled presence", connection, () => {
        connection.awareness.take(this.context.now());
        this.applyPendingAwareness(connection);
      });
    }, waitMs);
  }

  private claimAwarenessClient(connection: Connection, entry: AwarenessEntry): boolean {
    const { clientID } = entry;
    if (connection.awarenessClients.has(clientID)) return true;
    if (clientID === this.awareness.clientID || this.awarenessOwners.has(clientID)) return false;
    if (this.awareness.getStates().has(clientID)) return false;
    if (connection.awarenessClients.size >= this.context.limits.maxAwarenessClientsPerConnection) {
      return false;
    }
    // a removal never claims an id: it is what clients echo after someone else left
    if (isNullState(entry.state)) return false;
    connection.awarenessClients.add(clientID);
    this.awarenessOwners.set(clientID, connection);
    return true;
  }

  private applyPendingAwareness(connection: Connection): void {
    const entries: { clientID: number; clock: number; stateJson: string }[] = [];
    for (const entry of connection.pendingAwareness.values()) {
      let state: unknown;
      try {
        state = JSON.parse(decodeUtf8(entry.state));
      } catch (error) {
        connection.pendingAwareness.clear();
        this.close(connection, "badMessage", "warn", {
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

  private leave(connection: Connection): void {
    if (connection.isClosed) return;
    this.detach(connection);
    this.context.logger.debug("Connection left", this.fields(connection));
  }

  private close(
    connection: Connection,
    name: CloseEventName,
    level: "info" | "warn" | "none" = "warn",
    fields: LogFields = {},
  ): void {
    if (connection.isClosed) return;
    const event: CloseEvent = CloseEvents[name];
    this.context.counters.closes[name]++;
    if (level !== "none") {
      this.context.logger[level]("Closed a connection", {
        ...this.fields(connection),
        code: event.code,
        reason: event.reason,
        ...fields,
      });
    }
    this.detach(connection);
    try {
      connection.socket.close(event.code, event.reason);
    } catch (error) {
      this.context.logger.warn("Socket close failed", {
        ...this.fields(connection),
        error: describeError(error),
      });
    }
  }

  private detach(connection: Connection): void {
    connection.isClosed = true;
    stopTimer(connection.awarenessTimer);
    connection.awarenessTimer = null;
    connection.pendingAwareness.clear();
    if (!this.connections.delete(connection.socket)) return;
    const owned = [...connection.awarenessClients];
    for (const clientID of owned) this.awarenessOwners.delete(clientID);
    if (owned.length > 0 && !this.isUnloaded) {
      this.runSafely("remove the presence of a closed connection", null, () =>
        awarenessProtocol.removeAwarenessStates(this.awareness, owned, null),
      );
    }
    this.scheduleUnloadIfIdle();
  }

  private scheduleUnloadIfIdle(): void {
    if (this.connections.size > 0 || this.isUnloaded || this.unloadTimer !== null) return;
    stopTimer(this.heartbeatTimer);
    this.heartbeatTimer = null;
    this.unloadTimer = startTimer(() => {
      this.unloadTimer = null;
      if (this.connections.size === 0) this.unload();
    }, this.context.limits.unloadDelayMs);
  }

  private broadcastUpdate(update: Uint8Array, origin: unknown): void {
    this.invalidateDocumentCaches();
    this.hasChanged = true;
    const message = encodeSyncMessage(SYNC_UPDATE, update);
    for (const connection of this.connections.values()) {
      if (connection !== origin) this.send(connection, message);
    }
  }

  private broadcastAwareness(changes: AwarenessChanges, origin: unknown): void {
    this.awarenessMessage = null;
    const changed = [...changes.added, ...changes.updated, ...changes.removed];
    const message = encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed),
    );
    for (const connection of this.connections.values()) {
      if (connection !== origin) this.send(connection, message);
    }
  }

  private notifyChanged(): void {
    try {
      this.context.onDocumentChanged?.(this.docName, this.ydoc);
    } catch (error) {
      this.context.logger.error("onDocumentChanged threw", {
        ...this.fields(),
        error: describeError(error),
      });
    }
  }

  private send(connection: Connection, message: Uint8Array): void {
    if (connection.isClosed || connection.socket.readyState !== SOCKET_OPEN) return;
    try {
      connection.socket.send(message);
    } catch (error) {
      this.context.logger.warn("Send failed", {
        ...this.fields(connection),
        error: describeError(error),
      });
      this.close(connection, "internalError", "none");
    }
  }

  private getStateMessage(): Uint8Array {
    if (this.stateMessage === null) {
      this.context.counters.stateEncodes++;
      this.stateMessage = encodeSyncMessage(SYNC_STEP_2, Y.encodeStateAsUpdate(this.ydoc));
    }
    return this.stateMessage;
  }

  private getStateVectorMessage(): Uint8Array {
    this.stateVectorMessage ??= encodeSyncMessage(SYNC_STEP_1, Y.encodeStateVector(this.ydoc));
    return this.stateVectorMessage;
  }

  private getAwarenessMessage(): Uint8Array {
    this.awarenessMessage ??= encodeAwarenessMessage(
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, [
        ...this.awareness.getStates().keys(),
      ]),
    );
    return this.awarenessMessage;
  }

  private invalidateDocumentCaches(): void {
    this.stateMessage = null;
    this.stateVectorMessage = null;
    this.deletions = null;
  }

  private isCompactionDue(): boolean {
    const { compactAfterUpdates } = this.context.limits;
    return compactAfterUpdates > 0 && this.updatesSinceCompaction >= compactAfterUpdates;
  }

  private scheduleCompaction(): void {
    if (this.compactTimer !== null || this.isUnloaded) return;
    // off the hot path: encoding a large document is the expensive part
    this.compactTimer = startTimer(() => this.runSafely("compact", null, () => this.compact()), 0);
  }

  private startHeartbeat(): void {
    const { heartbeatMs } = this.context.limits;
    if (heartbeatMs <= 0 || this.heartbeatTimer !== null) return;
    const beat = (): void => {
      this.heartbeatTimer = null;
      this.runSafely("check heartbeats", null, () => this.checkHeartbeats());
      if (this.connections.size > 0 && !this.isUnloaded)
        this.heartbeatTimer = startTimer(beat, heartbeatMs);
    };
    this.heartbeatTimer = startTimer(beat, heartbeatMs);
  }

  private checkHeartbeats(): void {
    for (const connection of [...this.connections.values()]) {
      const { socket } = connection;
      if (!socket.ping) continue;
      if (!connection.isAlive) {
        this.close(connection, "noHeartbeat", "info");
        continue;
      }
      connection.isAlive = false;
      try {
        socket.ping();
      } catch {
        this.close(connection, "noHeartbeat", "info");
      }
    }
  }

  /**
   * Runs work that starts outside a message handler (a socket event, a timer): a throw is
   * logged and closes `connection` when there is one; the room and the process carry on.
   */
  private runSafely(what: string, connection: Connection | null, task: () => void): void {
    try {
      task();
    } catch (error) {
      this.context.logger.error(`Failed to ${what}`, {
        ...this.fields(connection ?? undefined),
        error: describeError(error),
      });
      if (connection !== null) this.close(connection, "internalError", "none");
    }
  }

  private fields(connection?: Connection): LogFields {
    return connection
      ? { workplanId: this.docName, connId: connection.id, userId: connection.user.id }
      : { workplanId: this.docName };
  }
}

type AwarenessChanges = {
  readonly added: readonly number[];
  readonly updated: readonly number[];
  readonly removed: readonly number[];
};

const NULL_JSON = [0x6e, 0x75, 0x6c, 0x6c];

function isNullState(state: Uint8Array): boolean {
  return state.length === NULL_JSON.length && NULL_JSON.every((byte, i) => state[i] === byte);
}

function isWriter(role: SyncRole | null): boolean {
  return role !== null && canWriteDocument(role);
}

function toBytes(data: SocketData): Uint8Array {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  let length = 0;
  for (const part of data) length += part.length;
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of data) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}

function assertNever(value: never): never {
  throw new Error(`Unhandled message ${JSON.stringify(value)}`);
}
