/** What a socket delivers: a `ws` WebSocket gives a Buffer (a Uint8Array), an ArrayBuffer or fragments. */
export type SocketData = Uint8Array | ArrayBuffer | readonly Uint8Array[];

export const SOCKET_OPEN = 1;

/**
 * The one socket sync talks to; a `ws` WebSocket satisfies it as is. Hand it over right after
 * the upgrade, in the same turn, or messages that arrive before the listeners are attached are lost.
 */
export interface SyncSocket {
  readonly readyState: number;
  send(data: Uint8Array): void;
  close(code?: number, reason?: string): void;
  on(event: "message", listener: (data: SocketData, isBinary: boolean) => void): this;
  on(event: "close", listener: () => void): this;
  on(event: "error", listener: (error: Error) => void): this;
  on(event: "pong", listener: () => void): this;
  /** When present, idle connections are pinged and closed if no pong comes back. */
  ping?(): void;
}
