/**
 * The signals a pair is scored on, in the order the fitted weights follow. A signal is a number
 * the engine computes for any pair; `scripts/fit.ts` learns how much each one counts.
 */
export const FEATURE_NAMES = [
  "cosine",
  "containment",
  "titleCosine",
  "gramCosine",
  "gramAcross",
  "titleAlign",
  "alignAcross",
  "acronymSpelled",
  "conceptOverlap",
  "topicOverlap",
  "logText",
  "logTextSame",
  "sharedWork",
  "workMismatch",
  "workAbsent",
  "subjectAbsent",
  "titleMismatch",
  "kindDiffers",
  "placeSame",
  "placeMentioned",
  "placeSameCountry",
  "placeCovers",
  "corridorShared",
  "corridorDiffers",
  "overlapShare",
  "periodUnknown",
  "groupsShared",
  "gcmRarity",
  "gcmDisjoint",
  "partnersRarity",
  "budgetLogRatio",
  "budgetUnknown",
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** A logistic model over the signals: P(duplicate) = 1 / (1 + exp(-(bias + weights · x))). */
export type ScoringModel = {
  features: readonly string[];
  weights: readonly number[];
  bias: number;
  /** Pairs at or above this probability are duplicates. */
  threshold: number;
  /** The stricter bar for a pair where one activity has no lead yet. */
  strongThreshold: number;
  /** A network's decisions (`adaptModel`): pairs near one are moved by its shift, bounded. */
  decided?: readonly DecisionShift[];
};

/** A decided pair's signals and how far, in log-odds, pairs just like it move. */
export type DecisionShift = { at: readonly number[]; shift: number };

/**
 * How near a pair must be to a decided one to move with it, as the model reads them: the distance
 * between the two pairs' evidence, signal by signal (weight times signal), in log-odds. A pair
 * moves by the decided pair's shift times (1 - (d / reach)²)², so not at all from
 * `DECISION_REACH` on. On the labelled networks, 90% of duplicates lie further than this from
 * every distinct pair, so a dismissal does not reach them; a pair of the same work with one
 * field left empty lies about 1 away and moves about half as far.
 */
export const DECISION_REACH = 2;
export const MAX_DECISION_SHIFT = 6;

/** Log-odds the network's decisions add to a pair with these signals. */
export function decisionShift(model: ScoringModel, x: readonly number[]): number {
  const decided = model.decided;
  if (!decided || decided.length === 0) return 0;
  let total = 0;
  for (const { at, shift } of decided) {
    let squares = 0;
    for (let n = 0; n < x.length; n++) {
      const apart = (model.weights[n] ?? 0) * ((x[n] ?? 0) - (at[n] ?? 0));
      squares += apart * apart;
    }
    const near = 1 - squares / (DECISION_REACH * DECISION_REACH);
    if (near > 0) total += shift * near * near;
  }
  return Math.max(-MAX_DECISION_SHIFT, Math.min(MAX_DECISION_SHIFT, total));
}

export function logistic(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

export function logit(probability: number): number {
  const p = Math.min(Math.max(probability, 1e-9), 1 - 1e-9);
  return Math.log(p / (1 - p));
}

/** The fitted model's log-odds for a pair with these signals, before any network's decisions. */
export function fittedEvidence(model: ScoringModel, x: readonly number[]): number {
  let evidence = model.bias;
  for (let n = 0; n < x.length; n++) evidence += (model.weights[n] ?? 0) * (x[n] ?? 0);
  return evidence;
}

/** Probability that a pair with these signals is a duplicate. */
export function scoreFeatures(model: ScoringModel, x: readonly number[]): number {
  return logistic(fittedEvidence(model, x) + decisionShift(model, x));
}
