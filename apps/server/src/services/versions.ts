import type { IndexedActivity, Stage, VersionKind, VersionView } from "@junction/domain";
import { readActivities } from "@junction/domain/doc";
import {
  appendAudit,
  findMembership,
  findVersion,
  findWorkplan,
  insertVersion,
  listVersions,
  loadVersionState,
  type VersionRecord,
  type WorkplanRecord,
} from "@junction/store";
import type * as Y from "yjs";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireWorkplanPermission, requireWritableWorkplan } from "./access";
import type { Caller } from "./caller";
import { documentOf, readLiveState } from "./document-state";
import { indexedActivity, organisationFilter, organisationLabels } from "./organisation-labels";
import { mapPage, type Page, type PageQuery, pageOfList } from "./pages";
import { ACTIVITY_CURSOR } from "./workplans";

export function toVersionView(record: VersionRecord): VersionView {
  return { ...record };
}

/** Stores a version and tells the workplan's readers; run inside or outside a transaction. */
export function saveVersion(
  deps: Deps,
  workplan: Pick<WorkplanRecord, "id" | "networkId">,
  input: {
    name: string;
    kind: VersionKind;
    stage: Stage;
    createdBy: string | null;
    state: Uint8Array;
    restoredFrom?: string | null;
  },
  now = deps.now(),
): VersionRecord {
  return insertVersion(deps.db, { workplanId: workplan.id, ...input }, now);
}

export function publishVersion(
  deps: Deps,
  workplan: Pick<WorkplanRecord, "id" | "networkId">,
  version: VersionRecord,
): void {
  deps.events.publish({
    type: "versions-changed",
    networkId: workplan.networkId,
    data: {
      networkId: workplan.networkId,
      workplanId: workplan.id,
      versionId: version.id,
      kind: version.kind,
    },
  });
}

/**
 * A version of this workplan, or a clear refusal: 404 for an id nobody here knows, 400 for a
 * version of another workplan the caller can read (a diff or restore stays within one workplan).
 */
export function requireVersionOf(
  deps: Deps,
  caller: Caller,
  workplan: WorkplanRecord,
  versionId: string,
): VersionRecord {
  const version = findVersion(deps.db, versionId);
  const notFound = new AppError(
    "not_found",
    `Version ${versionId} not found in workplan "${workplan.title}"; see its versions at /api/workplans/${workplan.id}/versions`,
  );
  if (!version) throw notFound;
  if (version.workplanId === workplan.id) return version;
  const other = findWorkplan(deps.db, version.workplanId);
  if (!other || !findMembership(deps.db, other.networkId, caller.user.id)) throw notFound;
  throw new AppError(
    "bad_request",
    `Version ${versionId} belongs to workplan "${other.title}", not to "${workplan.title}": compare and restore versions of one workplan only`,
  );
}

/** The document a version names, for its reader to destroy. */
export function versionDocument(deps: Deps, version: VersionRecord): Y.Doc {
  const state = loadVersionState(deps.db, version.id);
  if (!state) throw new AppError("not_found", `Version ${version.id} not found`);
  return documentOf(state);
}

export function listWorkplanVersions(
  deps: Deps,
  caller: Caller,
  workplanId: string,
): VersionView[] {
  requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  return listVersions(deps.db, workplanId).map(toVersionView);
}

export function getWorkplanVersion(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  versionId: string,
): VersionView {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  return toVersionView(requireVersionOf(deps, caller, workplan, versionId));
}

/** Editors and coordinators name the document as it is now. */
export function saveNamedVersion(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  name: string,
): VersionView {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "version.save");
  // an adopted workplan's text is saved by its adoption, and an archived one changes no more
  requireWritableWorkplan(workplan, msg("access.frozen.version"));
  const state = readLiveState(deps, workplanId);
  const save = deps.db.transaction(() => {
    const version = saveVersion(deps, workplan, {
      name,
      kind: "named",
      stage: workplan.stage,
      createdBy: caller.user.id,
      state,
    });
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "version.create",
        networkId: workplan.networkId,
        subject: workplan.id,
        detail: { versionId: version.id, name, bytes: version.bytes },
        ip: caller.ip,
      },
      deps.now(),
    );
    return version;
  });
  const version = save.immediate();
  publishVersion(deps, workplan, version);
  return toVersionView(version);
}

/**
 * A saved version as a Y.Doc with its record, checked like every read of the workplan: for
 * exports (`&version=`) and anything else that renders a version. The caller destroys `ydoc`.
 */
export function loadVersionDocument(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  versionId: string,
): { workplan: WorkplanRecord; version: VersionView; ydoc: Y.Doc } {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  const version = requireVersionOf(deps, caller, workplan, versionId);
  return { workplan, version: toVersionView(version), ydoc: versionDocument(deps, version) };
}

/** The activity index as it was in a version, named like GET /api/workplans/:id/activities. */
export function listVersionActivities(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  versionId: string,
  query: PageQuery,
  filters: { organisation?: string; status?: string } = {},
): Page<IndexedActivity> {
  const { workplan, ydoc } = loadVersionDocument(deps, caller, workplanId, versionId);
  const activities = readActivities(ydoc);
  ydoc.destroy();
  const nameOf = organisationLabels(deps, workplan.networkId).labelOf;
  const lead = organisationFilter(deps, workplan.networkId, filters.organisation);
  // a version never changes: its document order is a stable key
  const listed = activities
    .map((activity, position) => ({ activity, position }))
    .filter(
      ({ activity }) =>
        (lead === undefined || activity.lead === lead) &&
        (filters.status === undefined || activity.status === filters.status),
    );
  const page = pageOfList(
    listed,
    ACTIVITY_CURSOR,
    ({ activity, position }) => [position, activity.id],
    query,
  );
  return mapPage(page, (items) =>
    items.map(({ activity }) => indexedActivity({ ...activity, workplanId: workplan.id }, nameOf)),
  );
}
