import type { ActivityChange, NarrativeChange, WorkplanDiff } from "@junction/domain";
import { diffDocuments } from "@junction/domain/doc";
import { listOrganisations, type WorkplanRecord } from "@junction/store";
import type * as Y from "yjs";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { requireWorkplanPermission } from "./access";
import type { Caller } from "./caller";
import { authorsOf, documentOf, readLiveState } from "./document-state";
import { requireVersionOf, versionDocument } from "./versions";

export const CURRENT = "current";

type Side = { ydoc: Y.Doc; view: WorkplanDiff["from"] };

function sideOf(deps: Deps, caller: Caller, workplan: WorkplanRecord, id: string): Side {
  if (id === CURRENT) {
    return {
      ydoc: documentOf(readLiveState(deps, workplan.id)),
      view: { id: CURRENT, name: "Current document", createdAt: null },
    };
  }
  const version = requireVersionOf(deps, caller, workplan, id);
  return {
    ydoc: versionDocument(deps, version),
    view: { id: version.id, name: version.name, createdAt: version.createdAt },
  };
}

/**
 * What changed between two versions of a workplan, or a version and the live document
 * (`current`): narrative passages added and removed, and activities added, removed and changed
 * field by field, with who wrote each change where the document knows it.
 */
export function diffWorkplan(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  query: { from: string | undefined; to: string | undefined },
): WorkplanDiff {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  if (!query.from) {
    throw new AppError(
      "bad_request",
      "Say which version to compare: ?from=:versionId&to=:versionId (or to=current for the live document)",
    );
  }
  const from = sideOf(deps, caller, workplan, query.from);
  let to: Side;
  try {
    to = sideOf(deps, caller, workplan, query.to || CURRENT);
  } catch (error) {
    from.ydoc.destroy();
    throw error;
  }
  const diff = diffDocuments(from.ydoc, to.ydoc);
  from.ydoc.destroy();
  to.ydoc.destroy();
  const authors = authorsOf(deps, workplan);
  const narrative: NarrativeChange[] = diff.narrative.map(({ clients, ...op }) => ({
    ...op,
    changedBy: authors(clients),
  }));
  const changed: ActivityChange[] = diff.activities.changed.map((activity) => {
    const fieldsChangedBy = Object.fromEntries(
      Object.entries(activity.fieldClients).map(([field, clients]) => [field, authors(clients)]),
    );
    return {
      id: activity.id,
      fields: activity.fields,
      fieldsChangedBy,
      changedBy: authors(Object.values(activity.fieldClients).flat()),
    };
  });
  return {
    from: from.view,
    to: to.view,
    narrative,
    activities: {
      added: diff.activities.added,
      removed: diff.activities.removed,
      changed,
      addedBy: Object.fromEntries(
        Object.entries(diff.activities.addedClients).map(([id, clients]) => [id, authors(clients)]),
      ),
      titles: diff.activities.titles,
    },
    organisations: Object.fromEntries(
      listOrganisations(deps.db, workplan.networkId).map((o) => [o.id, o.acronym || o.name]),
    ),
  };
}
