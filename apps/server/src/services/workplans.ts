import { type IndexedActivity, isWorkplanFrozen, type WorkplanView } from "@junction/domain";
import {
  appendAudit,
  findWorkplan,
  createWorkplan as insertWorkplan,
  listWorkplanActivityPage,
  listWorkplans,
  updateWorkplan,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import {
  requireNetworkPermission,
  requireWorkplanPermission,
  requireWritableWorkplan,
} from "./access";
import type { Caller } from "./caller";
import { indexedActivity, organisationFilter, organisationLabels } from "./organisation-labels";
import { mapPage, type Page, type PageQuery, pageRequest } from "./pages";

export function listNetworkWorkplans(
  deps: Deps,
  caller: Caller,
  networkId: string,
): WorkplanView[] {
  requireNetworkPermission(deps, caller, networkId, "workplan.read");
  return listWorkplans(deps.db, networkId);
}

export function getWorkplan(deps: Deps, caller: Caller, workplanId: string): WorkplanView {
  return requireWorkplanPermission(deps, caller, workplanId, "workplan.read").workplan;
}

export function createWorkplan(
  deps: Deps,
  caller: Caller,
  networkId: string,
  title: string,
): WorkplanView {
  requireNetworkPermission(deps, caller, networkId, "workplan.create");
  const workplan = insertWorkplan(
    deps.db,
    { networkId, title, createdBy: caller.user.id },
    deps.now(),
  );
  appendAudit(
    deps.db,
    {
      actorId: caller.user.id,
      action: "workplan.create",
      networkId,
      subject: workplan.id,
      detail: { title },
      ip: caller.ip,
    },
    deps.now(),
  );
  return workplan;
}

export function changeWorkplan(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  change: { title?: string; archived?: boolean },
): WorkplanView {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  if (change.title !== undefined)
    requireWorkplanPermission(deps, caller, workplanId, "workplan.rename");
  if (change.archived !== undefined)
    requireWorkplanPermission(deps, caller, workplanId, "workplan.archive");
  if (change.title !== undefined && change.title !== workplan.title) {
    // restoring it in the same request is the way to rename an archived workplan
    requireWritableWorkplan(
      { stage: workplan.stage, archived: workplan.archived && change.archived !== false },
      msg("access.frozen.rename"),
    );
  }
  updateWorkplan(deps.db, workplanId, change, deps.now());
  if (change.title !== undefined && change.title !== workplan.title) {
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "workplan.rename",
        networkId: workplan.networkId,
        subject: workplanId,
        detail: { from: workplan.title, to: change.title },
        ip: caller.ip,
      },
      deps.now(),
    );
  }
  if (change.archived !== undefined && change.archived !== workplan.archived) {
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: change.archived ? "workplan.archive" : "workplan.unarchive",
        networkId: workplan.networkId,
        subject: workplanId,
        ip: caller.ip,
      },
      deps.now(),
    );
  }
  const updated = findWorkplan(deps.db, workplanId);
  if (!updated) throw new AppError("not_found", msg("workplan.notFound", { workplanId }));
  // open editors become viewers the moment it is archived, and editors again once restored
  if (isWorkplanFrozen(updated) !== isWorkplanFrozen(workplan)) {
    deps.live.refreshWorkplan(workplanId);
  }
  return updated;
}

/** The activity index of one workplan, with organisations named as in the dedupe input. */
export const ACTIVITY_CURSOR = ["number", "string"] as const;

/** A page of the workplan's activity index in document order. */
export function listActivities(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  query: PageQuery,
  filters: { organisation?: string; status?: string } = {},
): Page<IndexedActivity> {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  const nameOf = organisationLabels(deps, workplan.networkId).labelOf;
  const page = listWorkplanActivityPage(
    deps.db,
    workplanId,
    {
      leadId: organisationFilter(deps, workplan.networkId, filters.organisation),
      status: filters.status,
    },
    pageRequest(query, ACTIVITY_CURSOR),
  );
  return mapPage(page, (activities) =>
    activities.map(({ networkId: _networkId, ...activity }) => indexedActivity(activity, nameOf)),
  );
}
