import type { Connection } from "./connection";
import type { Logger } from "./logger";
import { type ClientMessage, describeError, parseMessage, type UntrustedUpdate } from "./protocol";
import type { RoomMembers } from "./room-members";
import type { SocketData } from "./sync-socket";

/** What a room does with each kind of message, once it was read and found well formed. */
export type MessageHandlers = {
  syncStep1(connection: Connection, stateVector: Uint8Array): void;
  update(connection: Connection, update: UntrustedUpdate): void;
  awareness(connection: Connection, update: Uint8Array): void;
  queryAwareness(connection: Connection): void;
};

/**
 * Reads each socket message of a room and hands it to its handler. Anything malformed closes
 * that connection with `badMessage` (too large: `messageTooLarge`); a throw closes it with
 * `internalError`. The room carries on either way.
 */
export class MessageDispatch {
  constructor(
    private readonly members: RoomMembers,
    private readonly logger: Logger,
    private readonly maxMessageBytes: number,
    private readonly handlers: MessageHandlers,
  ) {}

  receive(connection: Connection, data: SocketData, isBinary: boolean): void {
    if (connection.isClosed) return;
    connection.isAlive = true;
    const { members, maxMessageBytes } = this;
    try {
      const bytes = toBytes(data);
      if (maxMessageBytes > 0 && bytes.length > maxMessageBytes) {
        members.close(connection, "messageTooLarge", "warn", { bytes: bytes.length });
        return;
      }
      if (!isBinary) {
        members.close(connection, "badMessage", "warn", { detail: "text frame" });
        return;
      }
      const parsed = parseMessage(bytes);
      if (!parsed.ok) {
        members.close(connection, "badMessage", "warn", {
          detail: parsed.reason,
          bytes: bytes.length,
        });
        return;
      }
      route(connection, parsed.message, this.handlers);
    } catch (error) {
      this.logger.error("Failed to handle a message", {
        ...members.fields(connection),
        error: describeError(error),
      });
      members.close(connection, "internalError", "none");
    }
  }
}

function route(connection: Connection, message: ClientMessage, handlers: MessageHandlers): void {
  switch (message.type) {
    case "sync-step-1":
      handlers.syncStep1(connection, message.stateVector);
      return;
    case "sync-step-2":
    case "update":
      handlers.update(connection, message.update);
      return;
    case "awareness":
      handlers.awareness(connection, message.update);
      return;
    case "query-awareness":
      handlers.queryAwareness(connection);
      return;
    case "auth":
      return;
    default:
      assertNever(message);
  }
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
