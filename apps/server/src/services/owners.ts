import {
  type ActivityStatus,
  maySetActivityStatus,
  type OwnerView,
  type Role,
  type WorkplanOwners,
} from "@junction/domain";
import { findActivityElement } from "@junction/domain/doc";
import {
  appendAudit,
  findMembership,
  findWorkplan,
  isActivityOwner,
  listActivityOwners,
  listWorkplanActivities,
  listWorkplanOwners,
  type OwnerRecord,
  replaceActivityOwners,
  type StoredActivity,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { requireWorkplanPermission, requireWritableWorkplanPermission } from "./access";
import type { Caller } from "./caller";
import { notify } from "./notifications";

function toView(owner: OwnerRecord): OwnerView {
  return {
    userId: owner.userId,
    name: owner.name,
    organisation: owner.organisationAcronym || owner.organisationName,
    organisationId: owner.organisationId,
  };
}

function requireActivity(deps: Deps, workplanId: string, activityId: string): StoredActivity {
  const activity = listWorkplanActivities(deps.db, workplanId).find((a) => a.id === activityId);
  if (!activity) {
    throw new AppError("not_found", `Activity ${activityId} not found in workplan ${workplanId}`);
  }
  return activity;
}

/** activityId -> owners, for every activity of the workplan that has owners. */
export function listOwners(deps: Deps, caller: Caller, workplanId: string): WorkplanOwners {
  requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  const owners: WorkplanOwners = {};
  for (const owner of listWorkplanOwners(deps.db, workplanId)) {
    const list = owners[owner.activityId] ?? [];
    list.push(toView(owner));
    owners[owner.activityId] = list;
  }
  return owners;
}

/** A coordinator makes these members the activity's owners (replacing the previous ones). */
export function setActivityOwners(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  activityId: string,
  userIds: readonly string[],
): OwnerView[] {
  const { workplan } = requireWritableWorkplanPermission(
    deps,
    caller,
    workplanId,
    "activity.assign-owner",
  );
  const activity = requireActivity(deps, workplanId, activityId);
  const strangers = userIds.filter((id) => !findMembership(deps.db, workplan.networkId, id));
  if (strangers.length > 0) {
    throw new AppError(
      "validation_failed",
      `Owners must be members of the network; not members: ${strangers.join(", ")}`,
    );
  }
  const now = deps.now();
  const apply = deps.db.transaction(() => {
    const change = replaceActivityOwners(
      deps.db,
      { workplanId, activityId, userIds, assignedBy: caller.user.id },
      now,
    );
    if (change.added.length > 0 || change.removed.length > 0) {
      appendAudit(
        deps.db,
        {
          actorId: caller.user.id,
          action: "activity.assign-owners",
          networkId: workplan.networkId,
          subject: `${workplanId}/${activityId}`,
          detail: { owners: [...new Set(userIds)], added: change.added, removed: change.removed },
          ip: caller.ip,
        },
        now,
      );
    }
    return change;
  });
  const { added, removed } = apply.immediate();
  if (added.length > 0 || removed.length > 0) {
    deps.events.publish({
      type: "owners-changed",
      networkId: workplan.networkId,
      data: { networkId: workplan.networkId, workplanId, activityId },
    });
  }
  for (const userId of added) {
    notify(deps, {
      userId,
      networkId: workplan.networkId,
      kind: "owner-assigned",
      actorId: caller.user.id,
      message: `${caller.user.name} made you an owner of "${activity.title || activityId}" in ${workplan.title}`,
      subject: { workplanId, activityId },
    });
  }
  return listActivityOwners(deps.db, workplanId, activityId).map(toView);
}

function maySetStatus(
  deps: Deps,
  membership: { role: Role; organisationId: string },
  workplanId: string,
  activityId: string,
  userId: string,
  lead: string | null,
): boolean {
  const { role, organisationId } = membership;
  // ownership costs a query; ask only when it could decide
  return (
    maySetActivityStatus({ role, organisationId, lead, isOwner: false }) ||
    maySetActivityStatus({
      role,
      organisationId,
      lead,
      isOwner: isActivityOwner(deps.db, workplanId, activityId, userId),
    })
  );
}

function requireStatusPermission(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  activityId: string,
): void {
  const { membership } = requireWritableWorkplanPermission(
    deps,
    caller,
    workplanId,
    "activity.update-own-status",
  );
  const activity = requireActivity(deps, workplanId, activityId);
  if (maySetStatus(deps, membership, workplanId, activityId, caller.user.id, activity.lead)) return;
  throw new AppError(
    "forbidden",
    "Only the activity's owners, editors of its lead organisation and coordinators can change its status",
  );
}

/**
 * For the sync layer, which judges a status change inside a document update: may this member
 * set the status of an activity whose lead organisation was `lead` before the update?
 */
export function mayMemberSetStatus(
  deps: Deps,
  userId: string,
  workplanId: string,
  activityId: string,
  lead: string | null,
): boolean {
  const workplan = findWorkplan(deps.db, workplanId);
  const membership = workplan ? findMembership(deps.db, workplan.networkId, userId) : null;
  if (!membership) return false;
  return maySetStatus(deps, membership, workplanId, activityId, userId, lead);
}

/**
 * Whether the caller may change the activity's status: its owners, editors of its lead
 * organisation (as the activity index has it) and coordinators. The sync layer can ask too.
 */
export function canUpdateActivityStatus(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  activityId: string,
): boolean {
  try {
    requireStatusPermission(deps, caller, workplanId, activityId);
    return true;
  } catch (error) {
    if (error instanceof AppError) return false;
    throw error;
  }
}

/**
 * Sets an activity's status in the workplan's document, through the sync server so every open
 * editor sees it at once; the activity index follows like after any edit.
 */
export function updateActivityStatus(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  activityId: string,
  status: ActivityStatus,
): void {
  requireStatusPermission(deps, caller, workplanId, activityId);
  let found = false;
  try {
    deps.live.change(workplanId, (ydoc) => {
      const element = findActivityElement(ydoc, activityId);
      found = element !== null;
      if (element && element.getAttribute("status") !== status) {
        element.setAttribute("status", status);
      }
    });
  } catch (error) {
    throw new AppError(
      "unavailable",
      "The workplan could not be saved just now; try again in a moment",
      {
        cause: error,
      },
    );
  }
  if (!found)
    throw new AppError("not_found", `Activity ${activityId} is no longer in this workplan`);
}
