/** Per-server limits; for the byte, rate, count and compaction limits 0 turns the limit off. */
export type SyncLimits = {
  /** Largest WebSocket message accepted; set the transport's own cap (ws `maxPayload`) above it. */
  maxMessageBytes: number;
  /** Largest awareness message accepted (presence is small; a big one is abuse). */
  maxAwarenessBytes: number;
  /** Largest encoded document; an update that would grow it beyond is refused. */
  maxDocumentBytes: number;
  /**
   * How deep types may nest (a block in the document: 1; a paragraph in a list item in a list in
   * an activity: 4); an update nesting deeper is refused. 0: no limit.
   */
  maxNestingDepth: number;
  /** Sustained document updates per second per connection (bursts of twice this pass); 0: no limit. */
  maxUpdatesPerSecond: number;
  /** Awareness updates per second per connection; faster ones are coalesced, not dropped; 0: no limit. */
  maxAwarenessPerSecond: number;
  /** Awareness client ids one connection may speak for (a stock client uses one); 0: no presence. */
  maxAwarenessClientsPerConnection: number;
  maxConnectionsPerRoom: number;
  /** Compact (snapshot + delete older updates) after this many appended updates. */
  compactAfterUpdates: number;
  /** Keep an empty room loaded this long, so a page reload does not reload the document. */
  unloadDelayMs: number;
  /** Ping idle sockets this often and close those that did not answer; 0 turns it off. */
  heartbeatMs: number;
  /**
   * The least time between two appends to the log: updates arriving sooner wait for the next
   * one, which stores them together (a commit costs about as much as several updates). 0 stores
   * every turn of the event loop's updates after that turn.
   */
  minFlushIntervalMs: number;
};

export const DEFAULT_SYNC_LIMITS = {
  maxMessageBytes: 8 * 1024 * 1024,
  maxAwarenessBytes: 256 * 1024,
  maxDocumentBytes: 32 * 1024 * 1024,
  // the editor nests a handful deep; readers that recurse overflow their stacks in the thousands
  maxNestingDepth: 100,
  maxUpdatesPerSecond: 100,
  maxAwarenessPerSecond: 20,
  maxAwarenessClientsPerConnection: 2,
  maxConnectionsPerRoom: 200,
  compactAfterUpdates: 500,
  unloadDelayMs: 1000,
  heartbeatMs: 30_000,
  minFlushIntervalMs: 0,
} as const satisfies SyncLimits;

export function resolveLimits(overrides: Partial<SyncLimits> = {}): SyncLimits {
  const limits: SyncLimits = { ...DEFAULT_SYNC_LIMITS, ...overrides };
  for (const [name, value] of Object.entries(limits)) {
    if (!Number.isFinite(value) || value < 0) {
      throw new Error(`Sync limit ${name} must be a finite number >= 0, got ${String(value)}`);
    }
  }
  return limits;
}
