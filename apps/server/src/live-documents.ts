import type { SyncServer } from "@junction/sync";
import type { Deps, LiveDocuments } from "./deps";
import { documentRolesInNetwork, documentRolesOfWorkplan } from "./services/access";

/** The open documents, over the sync server: a role or a workplan's stage applies at once. */
export function createLiveDocuments(sync: SyncServer, deps: Pick<Deps, "db">): LiveDocuments {
  return {
    setRole(networkId, userId, role) {
      for (const document of documentRolesInNetwork(deps, networkId, role)) {
        sync.setRole(document.workplanId, userId, document.role);
      }
    },
    refreshWorkplan(workplanId) {
      for (const member of documentRolesOfWorkplan(deps, workplanId)) {
        sync.setRole(workplanId, member.userId, member.role);
      }
    },
    change: (workplanId, edit) => sync.change(workplanId, edit),
  };
}
