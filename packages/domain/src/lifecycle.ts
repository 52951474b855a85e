import { STAGES, type Stage } from "./schemas";

/** Why a stage move is refused; the server answers 400 or 409 with `message`. */
export type StageMoveProblem =
  | "same-stage"
  | "skips-a-stage"
  | "reason-required"
  | "adopted-is-final";

export type StageMoveCheck =
  | { readonly ok: true; readonly direction: "forward" | "back" }
  | { readonly ok: false; readonly problem: StageMoveProblem; readonly message: string };

const LABELS: Record<Stage, string> = {
  draft: "draft",
  consultation: "consultation",
  validation: "validation",
  adopted: "adopted",
};

export function stageIndex(stage: Stage): number {
  return STAGES.indexOf(stage);
}

/** The one stage a workplan may move forward to, or null once adopted. */
export function nextStage(stage: Stage): Stage | null {
  return STAGES[stageIndex(stage) + 1] ?? null;
}

/** The stages a workplan may go back to (with a reason): every earlier one, none once adopted. */
export function earlierStages(stage: Stage): Stage[] {
  return stage === "adopted" ? [] : STAGES.slice(0, stageIndex(stage));
}

/**
 * The stage rule: forward one step at a time (draft, consultation, validation, adopted), back to
 * any earlier stage only with a reason, and never out of adopted (a revision replaces it).
 */
export function checkStageMove(from: Stage, to: Stage, reason: string | null): StageMoveCheck {
  if (from === to) {
    return {
      ok: false,
      problem: "same-stage",
      message: `The workplan is already in ${LABELS[to]}`,
    };
  }
  if (from === "adopted") {
    return {
      ok: false,
      problem: "adopted-is-final",
      message:
        "An adopted workplan stays adopted, as the text everyone reports against; open a revision to change it",
    };
  }
  if (stageIndex(to) > stageIndex(from)) {
    if (nextStage(from) === to) return { ok: true, direction: "forward" };
    return {
      ok: false,
      problem: "skips-a-stage",
      message: `A workplan moves forward one stage at a time: from ${LABELS[from]} the next stage is ${nextStage(from)}, not ${LABELS[to]}`,
    };
  }
  if (reason === null || reason.trim() === "") {
    return {
      ok: false,
      problem: "reason-required",
      message: `Say why the workplan goes back from ${LABELS[from]} to ${LABELS[to]} (a reason is required)`,
    };
  }
  return { ok: true, direction: "back" };
}
