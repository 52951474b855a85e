import {
  type DecisionShift,
  fittedEvidence,
  logistic,
  logit,
  MAX_DECISION_SHIFT,
  type ScoringModel,
} from "./model";

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
 * Dismissed warnings that must score at least as high as any warning a raised bar silences: one
 * decision moves only its own pair.
 */
const MIN_DISMISSALS_TO_RAISE = 2;
/** The most a network's dismissals raise its bar, in log-odds (0.367 becomes at most 0.49). */
const MAX_BAR_RAISE = 0.5;
/** How far below the lowest warning the coordinators confirmed the raised bar stays. */
const CONFIRMED_MARGIN = 0.25;

/**
 * The fitted model adjusted to one network's decisions, by example: each decided pair moves the
 * pairs near it in signal space (`decisionShift`): a dismissed one just below the bar, a
 * coordinated one just above it, its near copies nearly as far, pairs of another kind not at all.
 * Agreeing decisions add up, to at most `MAX_DECISION_SHIFT`. Beyond that, a network whose
 * coordinators dismiss several warnings gets a higher bar (`raisedThreshold`), bounded. The
 * weights stay the fitted ones, so one or two decisions cannot silence a class of warnings.
 */
export function adaptModel(base: ScoringModel, decided: readonly DecidedPair[]): ScoringModel {
  if (decided.length === 0) return base;
  const bar = logit(base.threshold);
  const evidences = decided.map((pair) => fittedEvidence(base, pair.features));
  const shifts: DecisionShift[] = decided.map((pair, n) => {
    const evidence = evidences[n] as number;
    const needed = pair.isDuplicate
      ? Math.max(0, bar - evidence) + DECISION_MARGIN
      : -(Math.max(0, evidence - bar) + DECISION_MARGIN);
    return {
      at: pair.features,
      shift: Math.max(-MAX_DECISION_SHIFT, Math.min(MAX_DECISION_SHIFT, needed)),
    };
  });
  const confirmed = evidences.filter((_, n) => decided[n]?.isDuplicate);
  const dismissed = evidences.filter((_, n) => !decided[n]?.isDuplicate);
  return {
    ...base,
    threshold: raisedThreshold(base.threshold, dismissed, confirmed),
    decided: shifts,
  };
}

/**
 * The network's bar once its coordinators dismissed warnings that scored above it (evidence in
 * log-odds, on the fitted weights): just past the `MIN_DISMISSALS_TO_RAISE`-th highest of them,
 * so that every warning it silences scored no higher than that many the network dismissed; by at
 * most `MAX_BAR_RAISE`, and never up to a warning they confirmed. Dismissed pairs above a
 * confirmed one count for nothing here: they say the pair differs, not that the network's
 * warnings run high.
 */
function raisedThreshold(
  threshold: number,
  dismissed: readonly number[],
  confirmed: readonly number[],
): number {
  const bar = logit(threshold);
  const lowestConfirmed = Math.min(Number.POSITIVE_INFINITY, ...confirmed);
  const passed = dismissed
    .filter((evidence) => evidence >= bar && evidence < lowestConfirmed)
    .sort((a, b) => b - a);
  const backed = passed[MIN_DISMISSALS_TO_RAISE - 1];
  if (backed === undefined) return threshold;
  const raised = Math.min(bar + MAX_BAR_RAISE, backed + 0.01, lowestConfirmed - CONFIRMED_MARGIN);
  return raised > bar ? logistic(raised) : threshold;
}
