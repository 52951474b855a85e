import { can } from "@junction/domain";
import { applyKeepingStatuses, mayChangeActivityStatus } from "@junction/domain/doc";
import type { UpdateGuard } from "@junction/sync";
import type { Deps } from "./deps";
import { mayMemberSetStatus } from "./services/owners";

/**
 * Editors may edit the whole document, but an activity's status is for its owners, editors of
 * its lead organisation and coordinators: the sync server puts back any other status change.
 */
export function createStatusGuard(deps: Deps): UpdateGuard {
  return {
    concerns: (decoded, ydoc, writer) =>
      !can(writer.role, "activity.update-any-status") && mayChangeActivityStatus(ydoc, decoded),
    review(ydoc, apply, writer) {
      const restored = applyKeepingStatuses(ydoc, apply, (activityId, lead) =>
        mayMemberSetStatus(deps, writer.user.id, writer.docName, activityId, lead),
      );
      if (restored.length === 0) return null;
      return `status of ${restored.join(", ")} kept: only owners, editors of the lead organisation and coordinators may change it`;
    },
  };
}
