import { useMemo } from "react";
import type { EditorPermissions } from "./editor-types";
import { type PresentUser, usePresence } from "./presence";
import {
  type ConnectionState,
  isDocumentReady,
  type SyncSession,
  useConnection,
  useServerSynced,
  useWorkplanSync,
} from "./sync";

export type WorkplanSession = {
  /** Null until the copy kept on this device is loaded. */
  session: SyncSession | null;
  connection: ConnectionState;
  /** Whether the document may be shown and edited (`isDocumentReady`). */
  ready: boolean;
  users: PresentUser[];
  /** The page's permissions, read-only once the server refuses this person. */
  permissions: EditorPermissions;
};

/** The workplan's document session: sync, connection state, readiness, who is here. */
export function useWorkplanSession(
  workplanId: string,
  userId: string,
  permissions: EditorPermissions,
  /** Shown instead of the toolbar once the server refuses this person. */
  refusedNotice: string,
): WorkplanSession {
  const session = useWorkplanSync(workplanId, userId);
  const connection = useConnection(session, workplanId);
  const synced = useServerSynced(session?.provider ?? null);
  const users = usePresence(session?.provider.awareness ?? null);
  const ready = isDocumentReady(session, connection, synced);
  const refused = connection === "refused";
  const effective = useMemo(
    () =>
      refused
        ? {
            ...permissions,
            canEdit: false,
            readOnlyNotice: refusedNotice,
          }
        : permissions,
    [refused, permissions, refusedNotice],
  );
  return { session, connection, ready, users, permissions: effective };
}
