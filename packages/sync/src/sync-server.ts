import * as Y from "yjs";
import { BusLink } from "./bus-link";
import { CloseEvents } from "./close-codes";
import { createConnection } from "./connection";
import type { BusMessage, ScaleOut } from "./document-bus";
import { GroupCommit } from "./group-commit";
import { awarenessUserOf, type SyncRole, type SyncUser } from "./identity";
import { resolveLimits, type SyncLimits } from "./limits";
import { type Logger, silentLogger } from "./logger";
import { describeError } from "./protocol";
import { Room, type RoomContext } from "./room";
import { createCounters, type SyncStats } from "./stats";
import type { SyncSocket } from "./sync-socket";
import { startTimer, stopTimer, type TimerHandle } from "./timers";
import type { UpdateGuard, UpdateWriter } from "./update-guard";
import type { UpdateLog } from "./update-log";

/**
 * `change` could not reach the document: the server is stopping, or the document could not be
 * loaded from its log (already logged). Worth trying again later, unlike any other error.
 */
export class DocumentUnavailableError extends Error {
  override name = "DocumentUnavailableError";
}

export type SyncServerOptions = {
  log: UpdateLog;
  logger?: Logger;
  limits?: Partial<SyncLimits>;
  /** Called after an accepted batch was stored, applied and broadcast; keep it cheap (debounce). */
  onDocumentChanged?(docName: string, ydoc: Y.Doc): void;
  /**
   * Called for each update once it is stored and applied, with who wrote it (null: a change the
   * server made, such as `change` or the guard's correction); keep it cheap.
   */
  onUpdateAccepted?(docName: string, update: Uint8Array, writer: UpdateWriter | null): void;
  /** Finer rules for writers' updates than their role; see `UpdateGuard`. */
  guard?: UpdateGuard;
  /** Milliseconds clock for rate limits; tests may pass their own. */
  now?(): number;
  /** Joins the other processes of a deployment (Redis); absent, this process is alone. */
  scaleOut?: ScaleOut;
};

export type ConnectionContext = {
  docName: string;
  user: SyncUser;
  role: SyncRole;
  /** Carried into every log line about this connection; generated when absent. */
  connId?: string;
};

export interface SyncServer {
  /** Takes over an open socket; call it in the same turn as the upgrade completes. */
  handleConnection(socket: SyncSocket, context: ConnectionContext): void;
  /** Applies a role change to live connections at once; null removes the user and closes them. */
  setRole(docName: string | null, userId: string, role: SyncRole | null): void;
  roomCount(): number;
  connectionCount(docName?: string): number;
  stats(): SyncStats;
  /**
   * Makes a change on the server's side (e.g. an HTTP request setting an activity's status):
   * it is stored, applied and broadcast like any accepted update. Answers false when `edit`
   * changed nothing; throws when the document cannot be loaded or the change not stored.
   */
  change(docName: string, edit: (ydoc: Y.Doc) => void): boolean;
  /**
   * The document as its loaded room holds it now, as one Yjs update (updates queued this turn
   * are not stored yet, so not in it); null when no room holds it. Never loads a room.
   */
  encodeState(docName: string): Uint8Array | null;
  /** Stores every pending update now (the log is written once per event-loop turn otherwise). */
  flush(): void;
  /** Closes every connection, then flushes, compacts and unloads every room. */
  close(): Promise<void>;
}

export function createSyncServer(options: SyncServerOptions): SyncServer {
  const limits = resolveLimits(options.limits);
  const logger = options.logger ?? silentLogger;
  const counters = createCounters();
  const rooms = new Map<string, Room>();
  const commits = new GroupCommit({ log: options.log, logger, limits, counters });
  let isClosing = false;
  let connectionCounter = 0;
  const flush = (): void => commits.flush();
  const bus = options.scaleOut ? new BusLink(options.scaleOut, logger) : undefined;

  const context: RoomContext = {
    log: options.log,
    logger,
    limits,
    counters,
    now: options.now ?? (() => Date.now()),
    onDocumentChanged: options.onDocumentChanged,
    onUpdateAccepted: options.onUpdateAccepted,
    guard: options.guard,
    bus,
    onUnload: (room) => {
      commits.forget(room);
      if (rooms.get(room.docName) === room) rooms.delete(room.docName);
    },
    requestFlush: (room) => commits.request(room),
    flush,
  };

  const refuse = (socket: SyncSocket, event: { code: number; reason: string }): void => {
    socket.on("error", () => {});
    try {
      socket.close(event.code, event.reason);
    } catch {
      // the socket is gone already; nothing left to tell it
    }
  };

  const roomFor = (docName: string): Room | null => {
    const loaded = rooms.get(docName);
    if (loaded?.isLoaded) return loaded;
    try {
      const room = Room.load(docName, context);
      rooms.set(docName, room);
      return room;
    } catch (error) {
      counters.storageFailures++;
      logger.error("Could not load document", { workplanId: docName, error: describeError(error) });
      return null;
    }
  };

  const eachRoom = (what: string, task: (room: Room) => void): void => {
    for (const room of [...rooms.values()]) {
      try {
        task(room);
      } catch (error) {
        // a busy log: the next check or message tries again
        logger.warn(`Could not ${what}`, { workplanId: room.docName, error: describeError(error) });
      }
    }
  };
  const receive = (message: BusMessage): void => {
    const room = rooms.get(message.docName);
    if (!room?.isLoaded) return;
    try {
      switch (message.type) {
        case "updates":
          room.receiveRows(message.rows);
          break;
        case "awareness":
          room.receivePresence(message.update);
          break;
        case "awareness-query":
          room.answerPresenceQuery();
          break;
      }
    } catch (error) {
      logger.warn("Could not apply another process's message", {
        workplanId: message.docName,
        type: message.type,
        error: describeError(error),
      });
    }
  };
  let checkTimer: TimerHandle | null = null;
  if (bus !== undefined) {
    // pub/sub loses what is published while a subscriber reconnects: the log has it all
    bus.start(receive, () => eachRoom("catch up from the log", (room) => room.catchUp()));
    const check = (): void => {
      eachRoom("check the log", (room) => room.checkLog());
      checkTimer = startTimer(check, bus.checkIntervalMs);
    };
    if (bus.checkIntervalMs > 0) checkTimer = startTimer(check, bus.checkIntervalMs);
  }

  return {
    handleConnection(socket, { docName, user, role, connId }) {
      if (isClosing) {
        counters.closes.shuttingDown++;
        refuse(socket, CloseEvents.shuttingDown);
        return;
      }
      const room = roomFor(docName);
      if (room === null) {
        counters.closes.storageUnavailable++;
        refuse(socket, CloseEvents.storageUnavailable);
        return;
      }
      const id = connId ?? `sync-${++connectionCounter}`;
      try {
        room.join(createConnection(id, socket, user, awarenessUserOf(user), role, limits));
      } catch (error) {
        logger.error("Could not join a connection to its room", {
          workplanId: docName,
          connId: id,
          error: describeError(error),
        });
        counters.closes.internalError++;
        refuse(socket, CloseEvents.internalError);
      }
    },
    setRole(docName, userId, role) {
      const targets = docName === null ? [...rooms.values()] : [rooms.get(docName)];
      for (const room of targets) {
        try {
          room?.setRole(userId, role);
        } catch (error) {
          // a removed member must not keep a socket: reload the room rather than risk it
          logger.error("Could not apply a role change; reloading the document", {
            workplanId: room?.docName,
            userId,
            error: describeError(error),
          });
          room?.discard();
        }
      }
    },
    roomCount() {
      return rooms.size;
    },
    connectionCount(docName) {
      if (docName !== undefined) return rooms.get(docName)?.connectionCount ?? 0;
      let count = 0;
      for (const room of rooms.values()) count += room.connectionCount;
      return count;
    },
    stats() {
      return {
        ...counters,
        closes: { ...counters.closes },
        rooms: rooms.size,
        connections: this.connectionCount(),
      };
    },
    change(docName, edit) {
      if (isClosing) throw new DocumentUnavailableError("The sync server is shutting down");
      // store what clients sent this turn first, so the log keeps the order things happened in
      flush();
      const room = roomFor(docName);
      if (room === null) {
        throw new DocumentUnavailableError(`Document ${docName} could not be loaded`);
      }
      const scratch = room.scratchCopy();
      // the transaction's own update: a diff against the state vector would carry every
      // deletion the document ever saw, so an edit that changed nothing would look like one
      const changes: Uint8Array[] = [];
      scratch.on("update", (changed: Uint8Array) => changes.push(changed));
      try {
        scratch.transact(() => edit(scratch));
      } finally {
        scratch.destroy();
      }
      const update = changes.length > 1 ? Y.mergeUpdates(changes) : changes[0];
      if (update === undefined) return false;
      // append before broadcast, as for every client update
      const [ids] = options.log.append([{ docName, updates: [update] }]);
      room.commitServerUpdate(update, ids?.[0] ?? 0);
      return true;
    },
    encodeState(docName) {
      const room = rooms.get(docName);
      return room?.isLoaded ? room.encodeState() : null;
    },
    flush,
    async close() {
      isClosing = true;
      // unload contains its own failures, so one room cannot keep the others from being saved
      for (const room of [...rooms.values()]) room.closeAll("shuttingDown");
      for (const room of [...rooms.values()]) room.unload();
      rooms.clear();
      stopTimer(checkTimer);
      bus?.stop();
    },
  };
}
