import {
  type ActivityStatus,
  type CommitmentRights,
  can,
  commitmentRights,
  type OwnerView,
  type Role,
  readCommitments,
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
import { msg } from "../i18n/message";
import { requireWorkplanPermission, requireWritableWorkplanPermission } from "./access";
import type { Caller } from "./caller";
import { notify } from "./notifications";
import { refuseIfUnavailable } from "./storage";

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
    throw new AppError("not_found", msg("owners.activityNotFound", { activityId, workplanId }));
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
      msg("owners.strangers", { names: strangers.join(", ") }),
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
      message: msg("notification.owner", {
        actor: caller.user.name,
        activity: activity.title || activityId,
        workplan: workplan.title,
      }),
      subject: { workplanId, activityId },
    });
  }
  return listActivityOwners(deps.db, workplanId, activityId).map(toView);
}

/**
 * A member's rights on the commitments of an activity whose lead organisation was `lead` (before
 * the change being judged). The one place the server asks: the status route and the sync guard.
 */
export function commitmentRightsOf(
  deps: Pick<Deps, "db">,
  membership: { role: Role; organisationId: string } | null,
  workplanId: string,
  activity: { id: string; lead: string | null },
  userId: string,
): CommitmentRights {
  const member = {
    role: membership?.role ?? "viewer",
    organisationId: membership?.organisationId ?? "",
    isOwner: false,
  };
  const rights = commitmentRights(member, activity);
  // ownership costs a query; ask only when it could decide
  if (rights.status || !can(member.role, "activity.update-own-commitments")) return rights;
  return commitmentRights(
    { ...member, isOwner: isActivityOwner(deps.db, workplanId, activity.id, userId) },
    activity,
  );
}

/** The member's role and organisation in the network of the workplan, null when not a member. */
export function workplanMembership(
  deps: Pick<Deps, "db">,
  workplanId: string,
  userId: string,
): { role: Role; organisationId: string } | null {
  const workplan = findWorkplan(deps.db, workplanId);
  return workplan ? findMembership(deps.db, workplan.networkId, userId) : null;
}

const STATUS_FORBIDDEN = msg("owners.statusForbidden");

/**
 * Sets an activity's status in the workplan's document, through the sync server so every open
 * editor sees it at once; the activity index follows like after any edit. Judged on the activity
 * as the document holds it at that moment, by the same rule as a status sent over the WebSocket.
 */
export function updateActivityStatus(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  activityId: string,
  status: ActivityStatus,
): void {
  const { membership } = requireWritableWorkplanPermission(
    deps,
    caller,
    workplanId,
    "activity.update-own-commitments",
  );
  // set inside the edit, which runs synchronously within change()
  let outcome = "missing" as "changed" | "missing" | "forbidden";
  try {
    deps.live.change(workplanId, (ydoc) => {
      const element = findActivityElement(ydoc, activityId);
      if (!element) return;
      const { lead } = readCommitments(element.getAttributes());
      const rights = commitmentRightsOf(
        deps,
        membership,
        workplanId,
        { id: activityId, lead },
        caller.user.id,
      );
      if (!rights.status) {
        outcome = "forbidden";
        return;
      }
      outcome = "changed";
      if (element.getAttribute("status") !== status) element.setAttribute("status", status);
    });
  } catch (error) {
    refuseIfUnavailable(error, msg("storage.notSaved"));
  }
  if (outcome === "forbidden") throw new AppError("forbidden", STATUS_FORBIDDEN);
  if (outcome === "missing") {
    throw new AppError("not_found", msg("owners.activityNotFound", { activityId, workplanId }));
  }
}
