import { type CloseEvent, type CloseEventName, CloseEvents } from "./close-codes";
import type { Connection } from "./connection";
import type { LogFields, Logger } from "./logger";
import { describeError } from "./protocol";
import type { SyncCounters } from "./stats";
import { SOCKET_OPEN } from "./sync-socket";
import { startTimer, stopTimer, type TimerHandle } from "./timers";

/** How loud closing a connection is; "none" when the caller logged why already. */
export type CloseLevel = "info" | "warn" | "none";

/** The connections of one room: sending to them, closing them with a named code, pinging them. */
export class RoomMembers {
  readonly connections = new Map<Connection["socket"], Connection>();
  private heartbeatTimer: TimerHandle | null = null;
  private isRetired = false;

  /**
   * @param onLeft runs once for every member that left or was closed (not for one refused at
   *   the door), after it was removed.
   */
  constructor(
    private readonly docName: string,
    private readonly logger: Logger,
    private readonly counters: SyncCounters,
    private readonly heartbeatMs: number,
    private readonly onLeft: (connection: Connection) => void,
  ) {}

  get size(): number {
    return this.connections.size;
  }

  add(connection: Connection): void {
    this.connections.set(connection.socket, connection);
    this.startHeartbeat();
  }

  /** A connection whose socket closed by itself. */
  leave(connection: Connection): void {
    if (connection.isClosed) return;
    this.detach(connection);
    this.logger.debug("Connection left", this.fields(connection));
  }

  send(connection: Connection, message: Uint8Array): void {
    if (connection.isClosed || connection.socket.readyState !== SOCKET_OPEN) return;
    try {
      connection.socket.send(message);
    } catch (error) {
      this.logger.warn("Send failed", { ...this.fields(connection), error: describeError(error) });
      this.close(connection, "internalError", "none");
    }
  }

  /** Sends `message` to every member but `except` (the sender, or null for everyone). */
  broadcast(message: Uint8Array, except: unknown): void {
    for (const connection of this.connections.values()) {
      if (connection !== except) this.send(connection, message);
    }
  }

  close(
    connection: Connection,
    name: CloseEventName,
    level: CloseLevel = "warn",
    fields: LogFields = {},
  ): void {
    if (connection.isClosed) return;
    const event: CloseEvent = CloseEvents[name];
    this.counters.closes[name]++;
    if (level !== "none") {
      this.logger[level]("Closed a connection", {
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
      this.logger.warn("Socket close failed", {
        ...this.fields(connection),
        error: describeError(error),
      });
    }
  }

  closeAll(name: CloseEventName): void {
    for (const connection of [...this.connections.values()]) this.close(connection, name, "info");
  }

  /**
   * Runs work that starts outside a message handler (a socket event, a timer): a throw is
   * logged and closes `connection` when there is one; the room and the process carry on.
   */
  runSafely(what: string, connection: Connection | null, task: () => void): void {
    try {
      task();
    } catch (error) {
      this.logger.error(`Failed to ${what}`, {
        ...this.fields(connection ?? undefined),
        error: describeError(error),
      });
      if (connection !== null) this.close(connection, "internalError", "none");
    }
  }

  fields(connection?: Connection): LogFields {
    return connection
      ? { workplanId: this.docName, connId: connection.id, userId: connection.user.id }
      : { workplanId: this.docName };
  }

  stopHeartbeat(): void {
    stopTimer(this.heartbeatTimer);
    this.heartbeatTimer = null;
  }

  /** Stops pinging for good: the room is gone. */
  retire(): void {
    this.isRetired = true;
    this.stopHeartbeat();
  }

  private detach(connection: Connection): void {
    connection.isClosed = true;
    if (this.connections.delete(connection.socket)) this.onLeft(connection);
  }

  private startHeartbeat(): void {
    if (this.heartbeatMs <= 0 || this.heartbeatTimer !== null) return;
    const beat = (): void => {
      this.heartbeatTimer = null;
      this.runSafely("check heartbeats", null, () => this.checkHeartbeats());
      if (this.connections.size > 0 && !this.isRetired) {
        this.heartbeatTimer = startTimer(beat, this.heartbeatMs);
      }
    };
    this.heartbeatTimer = startTimer(beat, this.heartbeatMs);
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
}
