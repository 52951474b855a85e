import { randomUUID } from "node:crypto";
import type { RevisionResult } from "@junction/domain";
import { readActivities } from "@junction/domain/doc";
import {
  appendAudit,
  copyActivityOwners,
  copyDocumentClients,
  createWorkplan,
  findLastMoveTo,
  findWorkplan,
  listRevisionIds,
  loadVersionState,
  setRevisionOf,
  type WorkplanRecord,
} from "@junction/store";
import * as Y from "yjs";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireWorkplanPermission } from "./access";
import type { Caller } from "./caller";
import { documentOf, readLiveState, reindexNow } from "./document-state";
import { workplanLink } from "./lifecycle";
import { carryWarningsToRevision } from "./revision-warnings";
import { refuseIfUnavailable } from "./storage";
import { publishVersion, saveVersion } from "./versions";

const MAX_TITLE = 300;

function revisionTitle(title: string, number: number): string {
  const suffix = ` (revision ${number})`;
  return `${title.slice(0, MAX_TITLE - suffix.length)}${suffix}`;
}

/**
 * Opens a revision of an adopted workplan (coordinators): a new draft whose document starts as
 * the adopted one's (same Yjs items, so who wrote what carries over), with its owners; the
 * adopted workplan stays as it is, readable for ever.
 */
export function openRevision(deps: Deps, caller: Caller, workplanId: string): RevisionResult {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.revise");
  if (workplan.stage !== "adopted") {
    throw new AppError(
      "conflict",
      msg("revision.notAdopted", { stage: msg(`stage.${workplan.stage}`) }),
    );
  }
  if (workplan.archived) {
    throw new AppError("conflict", msg("revision.archived"));
  }
  const revisions = listRevisionIds(deps.db, workplanId).flatMap((id) => {
    const revision = findWorkplan(deps.db, id);
    return revision ? [revision] : [];
  });
  const open = revisions.find((r) => r.stage !== "adopted" && !r.archived);
  if (open) {
    throw new AppError("conflict", msg("revision.alreadyOpen", { title: open.title, id: open.id }));
  }
  const adoption = findLastMoveTo(deps.db, workplanId, "adopted");
  const state =
    (adoption?.versionId ? loadVersionState(deps.db, adoption.versionId) : null) ??
    readLiveState(deps, workplanId);
  const adopted = documentOf(state);
  const activities = readActivities(adopted);
  adopted.destroy();

  const revisionId = randomUUID();
  try {
    // a new document: the sync server stores it like any change, and a first client loads it
    deps.live.change(revisionId, (ydoc) => Y.applyUpdate(ydoc, state));
  } catch (error) {
    refuseIfUnavailable(error, msg("storage.revisionNotSaved"));
  }
  const now = deps.now();
  const adoptedOn = adoption ? adoption.at.slice(0, 10) : null;
  const create = deps.db.transaction(() => {
    const revision = createWorkplan(
      deps.db,
      {
        id: revisionId,
        networkId: workplan.networkId,
        title: revisionTitle(workplan.title, revisions.length + 1),
        createdBy: caller.user.id,
      },
      now,
    );
    setRevisionOf(deps.db, revision.id, workplan.id);
    copyDocumentClients(deps.db, workplan.id, revision.id);
    carryWarningsToRevision(deps, workplan.id, revision.id, now);
    copyActivityOwners(deps.db, workplan.id, revision.id, caller.user.id, now);
    const version = saveVersion(
      deps,
      revision,
      {
        name: `Revision of "${workplan.title}"${adoptedOn ? ` adopted ${adoptedOn}` : ""}`,
        kind: "revision",
        stage: "draft",
        createdBy: caller.user.id,
        state,
      },
      now,
    );
    for (const subject of [workplan.id, revision.id]) {
      appendAudit(
        deps.db,
        {
          actorId: caller.user.id,
          action: "workplan.revision",
          networkId: workplan.networkId,
          subject,
          detail: { adopted: workplan.id, revision: revision.id, versionId: version.id },
          ip: caller.ip,
        },
        now,
      );
    }
    return version;
  });
  const version = create.immediate();
  const revision = { id: revisionId, networkId: workplan.networkId };
  reindexNow(deps, revision, activities);
  deps.events.publish({
    type: "lifecycle-changed",
    networkId: workplan.networkId,
    data: { networkId: workplan.networkId, workplanId, change: "revision" },
  });
  publishVersion(deps, revision, version);
  const created = findWorkplan(deps.db, revisionId) as WorkplanRecord;
  return { ...created, revisionOf: workplanLink(deps, workplan) };
}
