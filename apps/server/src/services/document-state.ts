import type { Activity, ChangeAuthor } from "@junction/domain";
import {
  listDocumentClients,
  listWorkplanActivities,
  recordDocumentClients,
  replaceWorkplanActivities,
  touchWorkplan,
  type WorkplanRecord,
} from "@junction/store";
import * as Y from "yjs";
import type { Deps } from "../deps";
import { msg } from "../i18n/message";
import { organisationLabels } from "./organisation-labels";
import { refuseIfUnavailable } from "./storage";

type LoggedDocument = { snapshot: Uint8Array | null; updates: readonly { update: Uint8Array }[] };

/** A document's full state from its snapshot and update log, compacted (gc) as a fresh Y.Doc has it. */
export function stateFromLog(loaded: LoggedDocument): Uint8Array {
  const ydoc = new Y.Doc();
  if (loaded.snapshot) Y.applyUpdate(ydoc, loaded.snapshot);
  for (const { update } of loaded.updates) Y.applyUpdate(ydoc, update);
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return state;
}

export function documentOf(state: Uint8Array): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, state);
  return ydoc;
}

/** The live document's state, everything clients sent so far included. */
export function readLiveState(deps: Deps, workplanId: string): Uint8Array {
  try {
    return deps.live.readState(workplanId);
  } catch (error) {
    refuseIfUnavailable(error, msg("storage.notRead"));
  }
}

/**
 * Refreshes the activity index (and the duplication warnings) now rather than after the indexer's
 * debounce, so the answer to a restore or a new revision and the next read agree.
 */
export function reindexNow(
  deps: Deps,
  workplan: Pick<WorkplanRecord, "id" | "networkId">,
  activities: readonly Activity[],
): void {
  const refresh = deps.db.transaction(() => {
    const before = listWorkplanActivities(deps.db, workplan.id);
    replaceWorkplanActivities(deps.db, workplan, activities, deps.now());
    touchWorkplan(deps.db, workplan.id, deps.now());
    deps.warnings.onActivitiesChanged(workplan, before, activities);
  });
  refresh.immediate();
}

/** Records the client id a server-side change used, as written by `userId`. */
export function recordServerWriter(
  deps: Deps,
  workplanId: string,
  clientId: number,
  userId: string,
  organisationId: string,
): void {
  recordDocumentClients(deps.db, workplanId, [{ clientId, userId, organisationId }], deps.now());
}

/** Names the writers behind Yjs client ids in one workplan's document; unknown ids are left out. */
export function authorsOf(
  deps: Deps,
  workplan: Pick<WorkplanRecord, "id" | "networkId">,
): (clientIds: readonly number[]) => ChangeAuthor[] {
  const labels = organisationLabels(deps, workplan.networkId);
  const byClient = new Map<number, ChangeAuthor>();
  for (const client of listDocumentClients(deps.db, workplan.id)) {
    byClient.set(client.clientId, {
      userId: client.userId,
      name: client.name,
      organisationId: client.organisationId,
      organisation: client.organisationId ? labels.labelOf(client.organisationId) : "",
    });
  }
  return (clientIds) => {
    const authors = new Map<string, ChangeAuthor>();
    for (const clientId of clientIds) {
      const author = byClient.get(clientId);
      if (author) authors.set(author.userId, author);
    }
    return [...authors.values()];
  };
}
