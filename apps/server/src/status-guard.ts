import { applyKeepingCommitments, mayChangeCommitments } from "@junction/domain/doc";
import type { UpdateGuard } from "@junction/sync";
import type { BaseDeps } from "./deps";
import { createRemovedActivityMemory } from "./removed-activities";
import { commitmentRightsOf, workplanMembership } from "./services/owners";

/**
 * Editors may edit the whole document, but an activity's commitments (lead, partners, budget,
 * status) are for coordinators and editors of its lead organisation (and its status for its
 * owners too): the sync server puts back any other change before anyone else sees it, judging
 * each block as the activity it was before the update, removed activities included.
 */
export function createStatusGuard(deps: BaseDeps): UpdateGuard {
  const removed = createRemovedActivityMemory(deps);
  return {
    concerns: (decoded, ydoc) => mayChangeCommitments(ydoc, decoded),
    review(ydoc, apply, writer) {
      const { docName: workplanId, user } = writer;
      const membership = workplanMembership(deps, workplanId, user.id);
      const review = applyKeepingCommitments(ydoc, apply, {
        recall: (activityId) => removed.recall(workplanId, activityId),
        rightsFor: (activity) =>
          commitmentRightsOf(deps, membership, workplanId, activity, user.id),
      });
      removed.remember(workplanId, review.removed);
      if (review.restored.length === 0) return null;
      const what = review.restored.map(({ id, fields }) => `${fields.join(", ")} of ${id}`);
      return `kept ${what.join("; ")}: only coordinators and editors of the lead organisation (owners: the status) may change them`;
    },
  };
}
