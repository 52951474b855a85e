import type { Role } from "./roles";
import type { Stage } from "./schemas";

/** Why a workplan is read-only for everyone: adopted (frozen for ever) or archived (put away). */
export type WorkplanFreeze = "adopted" | "archived";

type WorkplanState = { readonly stage: Stage; readonly archived: boolean };

/**
 * Why nobody may change the workplan's document, its activities or its comments, or null while
 * they may. The one statement of the rule: the server enforces it, the web app explains it.
 */
export function workplanFreeze(workplan: WorkplanState): WorkplanFreeze | null {
  if (workplan.archived) return "archived";
  if (workplan.stage === "adopted") return "adopted";
  return null;
}

export function isWorkplanFrozen(workplan: WorkplanState): boolean {
  return workplanFreeze(workplan) !== null;
}

/** The role a member has on the workplan's document: a frozen workplan makes everyone a viewer. */
export function documentRole(role: Role, workplan: WorkplanState): Role {
  return isWorkplanFrozen(workplan) ? "viewer" : role;
}
