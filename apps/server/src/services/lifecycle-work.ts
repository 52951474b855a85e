import type { ConsultationInvitation, ValidationRequest } from "@junction/domain";
import {
  findLastMoveTo,
  findWorkplanLifecycle,
  listUserMemberships,
  listWorkplanStages,
} from "@junction/store";
import type { Deps } from "../deps";
import { awaitsAnswerFrom } from "./validation";

/**
 * The lifecycle's part of My work: consultations inviting the user (as a commenter) to comment,
 * and validations waiting for their organisation's answer (as an editor or coordinator).
 */
export function lifecycleWork(
  deps: Deps,
  userId: string,
): { consultations: ConsultationInvitation[]; validations: ValidationRequest[] } {
  const consultations: ConsultationInvitation[] = [];
  const validations: ValidationRequest[] = [];
  for (const membership of listUserMemberships(deps.db, userId)) {
    for (const workplan of listWorkplanStages(deps.db, membership.networkId)) {
      if (workplan.archived) continue;
      const base = {
        networkId: workplan.networkId,
        workplanId: workplan.id,
        workplanTitle: workplan.title,
      };
      if (workplan.stage === "consultation" && membership.role === "commenter") {
        consultations.push({
          ...base,
          deadline: findWorkplanLifecycle(deps.db, workplan.id)?.consultationDeadline ?? null,
          since: findLastMoveTo(deps.db, workplan.id, "consultation")?.at ?? null,
        });
      }
      if (
        workplan.stage === "validation" &&
        (membership.role === "editor" || membership.role === "coordinator")
      ) {
        const waiting = awaitsAnswerFrom(deps, workplan, membership.organisationId);
        if (waiting) {
          validations.push({ ...base, organisationId: membership.organisationId, ...waiting });
        }
      }
    }
  }
  return { consultations, validations };
}
