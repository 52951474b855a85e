/** What an open WebSocket or event stream authenticated with: a session or an API token. */
export type Credential = {
  readonly userId: string;
  readonly sessionId: string | null;
  readonly tokenId: string | null;
};

/** An open socket or stream, held for as long as its credential stays valid. */
export type LiveHolder = Credential & {
  readonly kind: "socket" | "stream";
  /** Closes the socket or ends the stream; called at most once. */
  end(): void;
};

export interface LiveCredentials {
  /** Remembers an open socket or stream; call the answer when it closes by itself. */
  hold(holder: LiveHolder): () => void;
  /**
   * Ends every held socket and stream whose credential `isLive` no longer accepts (only
   * `userId`'s when given). Answers how many it ended.
   */
  endRevoked(isLive: (credential: Credential) => boolean, userId?: string): number;
  count(): number;
}

/**
 * The registry of live credentials. It decides nothing: services revoke in storage, then ask it
 * to end what no longer validates (services/credentials.ts); http and ws only register.
 */
export function createLiveCredentials(): LiveCredentials {
  const byUser = new Map<string, Set<LiveHolder>>();

  function release(holder: LiveHolder): void {
    const holders = byUser.get(holder.userId);
    if (!holders?.delete(holder)) return;
    if (holders.size === 0) byUser.delete(holder.userId);
  }

  return {
    hold(holder) {
      const holders = byUser.get(holder.userId) ?? new Set<LiveHolder>();
      holders.add(holder);
      byUser.set(holder.userId, holders);
      return () => release(holder);
    },
    endRevoked(isLive, userId) {
      const groups = userId === undefined ? [...byUser.values()] : [byUser.get(userId)];
      // one check per distinct credential, however many sockets and streams share it
      const verdicts = new Map<string, boolean>();
      let ended = 0;
      for (const holders of groups) {
        for (const holder of [...(holders ?? [])]) {
          const key = `${holder.userId}|${holder.sessionId ?? ""}|${holder.tokenId ?? ""}`;
          let live = verdicts.get(key);
          if (live === undefined) {
            live = isLive(holder);
            verdicts.set(key, live);
          }
          if (live) continue;
          release(holder);
          try {
            holder.end();
          } catch {
            // a socket that cannot even be closed is gone already
          }
          ended++;
        }
      }
      return ended;
    },
    count() {
      let count = 0;
      for (const holders of byUser.values()) count += holders.size;
      return count;
    },
  };
}
