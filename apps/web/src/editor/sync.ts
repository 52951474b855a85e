import { useEffect, useState } from "react";
import { IndexeddbPersistence } from "y-indexeddb";
import { WebsocketProvider } from "y-websocket";
import * as Y from "yjs";

export type SyncSession = {
  ydoc: Y.Doc;
  provider: WebsocketProvider;
  persistence: IndexeddbPersistence;
};

export type ConnectionState =
  | "connecting"
  | "syncing"
  | "saved"
  | "offline"
  | "refused"
  | "rejected";

function syncUrl(): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/sync`;
}

/**
 * One Y.Doc per open workplan, kept on this device (IndexedDB, per workplan and user) and synced
 * with `/sync/:workplanId`. Null until the local copy is loaded, so the editor never starts empty.
 */
export function useWorkplanSync(workplanId: string, userId: string): SyncSession | null {
  const [session, setSession] = useState<SyncSession | null>(null);
  useEffect(() => {
    let live = true;
    const ydoc = new Y.Doc();
    const persistence = new IndexeddbPersistence(`junction:${userId}:${workplanId}`, ydoc);
    // connect on the next task, not here: an effect that is set up and at once torn down
    // (StrictMode, a remount) must not open a socket only to close it before it is established
    const provider = new WebsocketProvider(syncUrl(), workplanId, ydoc, {
      connect: false,
      maxBackoffTime: 4000,
    });
    const connectSoon = setTimeout(() => {
      if (live && navigator.onLine) provider.connect();
    }, 0);
    const goOffline = () => provider.disconnect();
    const goOnline = () => provider.connect();
    window.addEventListener("offline", goOffline);
    window.addEventListener("online", goOnline);
    // an unreadable local copy (private mode, quota) must not keep the workplan closed
    const ready = () => {
      if (live) setSession({ ydoc, provider, persistence });
    };
    persistence.whenSynced.then(ready, ready);
    return () => {
      live = false;
      clearTimeout(connectSoon);
      window.removeEventListener("offline", goOffline);
      window.removeEventListener("online", goOnline);
      provider.destroy();
      void persistence.destroy();
      ydoc.destroy();
      setSession(null);
    };
  }, [workplanId, userId]);
  return session;
}

const REFUSED_STATUSES = new Set([401, 403, 404]);
const ACCESS_REVOKED = 4403;

/** The state people see next to the title: saved, syncing, offline (kept here), or refused. */
export function useConnection(session: SyncSession | null, workplanId: string): ConnectionState {
  const [state, setState] = useState<ConnectionState>("connecting");

  useEffect(() => {
    if (!session) return;
    const { ydoc, provider, persistence } = session;
    let live = true;
    let failures = 0;
    let refused = false;
    let rejected = false;
    let pendingUpload = false;
    let checking = false;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const compute = () => {
      if (!live) return;
      if (refused) return setState("refused");
      if (rejected) return setState("rejected");
      if (provider.wsconnected) {
        setState(provider.synced && !pendingUpload ? "saved" : "syncing");
      } else if (!navigator.onLine || failures > 0) {
        setState("offline");
      } else {
        setState("connecting");
      }
    };

    const checkAccess = async () => {
      if (checking || refused) return;
      checking = true;
      try {
        const response = await fetch(`/api/workplans/${encodeURIComponent(workplanId)}`, {
          credentials: "same-origin",
          headers: { Accept: "application/json" },
        });
        if (REFUSED_STATUSES.has(response.status)) {
          refused = true;
          provider.disconnect();
        }
      } catch {
        // offline: nothing to learn
      } finally {
        checking = false;
        compute();
      }
    };

    // the protocol has no acknowledgements: "saved" means the socket has flushed every local change;
    // only a backlog that outlasts a short wait shows as syncing, so typing does not flicker the state
    const watchUpload = () => {
      if (timer !== null) return;
      const tick = () => {
        timer = null;
        pendingUpload = provider.wsconnected && (provider.ws?.bufferedAmount ?? 0) > 0;
        compute();
        if (pendingUpload) timer = setTimeout(tick, 250);
      };
      timer = setTimeout(tick, 250);
    };

    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider && origin !== persistence) watchUpload();
    };

    const onStatus = ({ status }: { status: string }) => {
      if (status === "connected") failures = 0;
      compute();
    };
    const onSync = () => compute();
    const onClose = () => {
      failures++;
      compute();
      if (failures >= 2 && navigator.onLine) void checkAccess();
    };
    // 4400-4499: the server says reconnecting cannot help (y-websocket stops retrying)
    const onTerminal = (event: { code: number }) => {
      if (event.code === ACCESS_REVOKED) refused = true;
      else rejected = true;
      compute();
    };
    const onNetwork = () => compute();

    provider.on("status", onStatus);
    provider.on("sync", onSync);
    provider.on("connection-close", onClose);
    provider.on("closed", onTerminal);
    ydoc.on("update", onUpdate);
    window.addEventListener("online", onNetwork);
    window.addEventListener("offline", onNetwork);
    compute();

    return () => {
      live = false;
      if (timer !== null) clearTimeout(timer);
      provider.off("status", onStatus);
      provider.off("sync", onSync);
      provider.off("connection-close", onClose);
      provider.off("closed", onTerminal);
      ydoc.off("update", onUpdate);
      window.removeEventListener("online", onNetwork);
      window.removeEventListener("offline", onNetwork);
    };
  }, [session, workplanId]);

  return state;
}

/** Whether the document has caught up with the server at least once since it opened. */
export function useServerSynced(provider: WebsocketProvider | null): boolean {
  const [synced, setSynced] = useState(provider?.synced ?? false);
  useEffect(() => {
    if (!provider) {
      setSynced(false);
      return;
    }
    if (provider.synced) {
      setSynced(true);
      return;
    }
    const onSync = (isSynced: boolean) => {
      if (isSynced) setSynced(true);
    };
    provider.on("sync", onSync);
    return () => provider.off("sync", onSync);
  }, [provider]);
  return synced;
}

/**
 * Whether the document may be shown and edited: once it has caught up with the server, or, when
 * the server cannot be reached, once the copy kept on this device is loaded (the session exists
 * only after that). Before, a large plan would show as empty and take typing at the wrong place.
 */
export function isDocumentReady(
  session: SyncSession | null,
  state: ConnectionState,
  synced: boolean,
): boolean {
  if (!session) return false;
  return synced || state === "offline" || state === "refused" || state === "rejected";
}
