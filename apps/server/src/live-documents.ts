import type { SyncServer, UpdateLog } from "@junction/sync";
import type { Deps, LiveDocuments } from "./deps";
import { documentRolesInNetwork, documentRolesOfWorkplan } from "./services/access";
import { stateFromLog } from "./services/document-state";

/** The open documents, over the sync server: a role or a workplan's stage applies at once. */
export function createLiveDocuments(
  sync: SyncServer,
  deps: Pick<Deps, "db">,
  updateLog: UpdateLog,
): LiveDocuments {
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
    readState(workplanId) {
      // store what clients sent this turn first: the log then holds everything anyone has seen
      sync.flush();
      return stateFromLog(updateLog.load(workplanId));
    },
  };
}
