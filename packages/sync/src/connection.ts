import type { AwarenessUser, SyncRole, SyncUser } from "./identity";
import type { SyncLimits } from "./limits";
import type { AwarenessEntry } from "./protocol";
import { createTokenBucket, type TokenBucket } from "./rate-limit";
import type { SyncSocket } from "./sync-socket";
import type { TimerHandle } from "./timers";

/** One socket in one room, with what the server knows about its user. */
export type Connection = {
  readonly id: string;
  readonly socket: SyncSocket;
  readonly user: SyncUser;
  readonly identity: AwarenessUser;
  /** Null once the user was removed: nothing from this connection is accepted any more. */
  role: SyncRole | null;
  isClosed: boolean;
  /** Set by any message or pong, cleared by each heartbeat. */
  isAlive: boolean;
  readonly updates: TokenBucket;
  readonly awareness: TokenBucket;
  /** Awareness client ids this connection speaks for. */
  readonly awarenessClients: Set<number>;
  /** Latest throttled awareness entries per client id, applied when the bucket refills. */
  readonly pendingAwareness: Map<number, AwarenessEntry>;
  awarenessTimer: TimerHandle | null;
};

export function createConnection(
  id: string,
  socket: SyncSocket,
  user: SyncUser,
  identity: AwarenessUser,
  role: SyncRole,
  limits: SyncLimits,
): Connection {
  return {
    id,
    socket,
    user,
    identity,
    role,
    isClosed: false,
    isAlive: true,
    updates: createTokenBucket(limits.maxUpdatesPerSecond, limits.maxUpdatesPerSecond * 2),
    awareness: createTokenBucket(limits.maxAwarenessPerSecond, limits.maxAwarenessPerSecond),
    awarenessClients: new Set(),
    pendingAwareness: new Map(),
    awarenessTimer: null,
  };
}
