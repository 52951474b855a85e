import { type DecisionShift, logit, MAX_DECISION_SHIFT, type ScoringModel } from "./model";

/** A coordinator's verdict on a pair of one network: "not a duplicate" or "coordinate". */
export type CoordinatorDecision = {
  a: string;
  b: string;
  verdict: "not-duplicate" | "duplicate";
};

export type DecidedPair = { features: readonly number[]; isDuplicate: boolean };

/** How far past its bar, in log-odds, a decision takes the decided pair itself. */
const DECISION_MARGIN = 0.5;

/**
 * The fitted model adjusted to one network's decisions, by example: each decided pair moves the
 * pairs near it in signal space (`decisionShift`): a dismissed one just below the bar, a
 * coordinated one just above it, its near copies nearly as far, pairs of another kind not at all.
 * Agreeing decisions add up, to at most `MAX_DECISION_SHIFT`. The weights stay the fitted ones,
 * so one or two decisions cannot silence a class of warnings.
 */
export function adaptModel(base: ScoringModel, decided: readonly DecidedPair[]): ScoringModel {
  if (decided.length === 0) return base;
  const plain: ScoringModel = { ...base, decided: [] };
  const bar = logit(base.threshold);
  const shifts: DecisionShift[] = decided.map((pair) => {
    let evidence = plain.bias;
    for (let n = 0; n < pair.features.length; n++)
      evidence += (plain.weights[n] ?? 0) * (pair.features[n] ?? 0);
    const needed = pair.isDuplicate
      ? Math.max(0, bar - evidence) + DECISION_MARGIN
      : -(Math.max(0, evidence - bar) + DECISION_MARGIN);
    return {
      at: pair.features,
      shift: Math.max(-MAX_DECISION_SHIFT, Math.min(MAX_DECISION_SHIFT, needed)),
    };
  });
  return { ...base, decided: shifts };
}
