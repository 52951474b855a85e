import type { SyncServer, UpdateLog } from "@junction/sync";
import type { Deployment, Notice } from "./deployment/deployment";
import type { Deps, LiveDocuments } from "./deps";
import {
  documentRolesInNetwork,
  documentRolesOfWorkplan,
  storedDocumentRolesInNetwork,
} from "./services/access";
import { endRevokedHere } from "./services/credentials";
import { stateFromLog } from "./services/document-state";

/**
 * The open documents, over the sync server: a role or a workplan's stage applies at once, here
 * and (through `deployment`) on every other process, which re-reads it from the shared storage.
 */
export function createLiveDocuments(
  sync: SyncServer,
  deps: Pick<Deps, "db">,
  updateLog: UpdateLog,
  deployment: Pick<Deployment, "notify"> = { notify() {} },
): LiveDocuments {
  return {
    setRole(networkId, userId, role) {
      applyRolesHere(sync, userId, documentRolesInNetwork(deps, networkId, role));
      deployment.notify({ type: "role", networkId, userId });
    },
    refreshWorkplan(workplanId) {
      refreshWorkplanHere(sync, deps, workplanId);
      deployment.notify({ type: "workplan", workplanId });
    },
    change: (workplanId, edit) => sync.change(workplanId, edit),
    readState(workplanId) {
      // store what clients sent this turn first: the log then holds everything anyone has seen
      sync.flush();
      return stateFromLog(updateLog.load(workplanId));
    },
  };
}

function applyRolesHere(
  sync: SyncServer,
  userId: string,
  documents: ReturnType<typeof documentRolesInNetwork>,
): void {
  for (const document of documents) sync.setRole(document.workplanId, userId, document.role);
}

function refreshWorkplanHere(sync: SyncServer, deps: Pick<Deps, "db">, workplanId: string): void {
  for (const member of documentRolesOfWorkplan(deps, workplanId)) {
    sync.setRole(workplanId, member.userId, member.role);
  }
}

/** Another process changed a role or revoked a credential: check this one's sockets against the storage. */
export function applyNotice(sync: SyncServer, deps: Deps, notice: Notice): void {
  switch (notice.type) {
    case "role":
      applyRolesHere(
        sync,
        notice.userId,
        storedDocumentRolesInNetwork(deps, notice.networkId, notice.userId),
      );
      return;
    case "workplan":
      refreshWorkplanHere(sync, deps, notice.workplanId);
      return;
    case "credentials":
      endRevokedHere(deps, notice.userId);
      return;
  }
}
