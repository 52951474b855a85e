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
  "placeSame",
  "placeMentioned",
  "placeSameCountry",
  "placeCovers",
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
};

export function logistic(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

export function logit(probability: number): number {
  const p = Math.min(Math.max(probability, 1e-9), 1 - 1e-9);
  return Math.log(p / (1 - p));
}

/** Probability that a pair with these signals is a duplicate. */
export function scoreFeatures(model: ScoringModel, x: readonly number[]): number {
  let evidence = model.bias;
  for (let n = 0; n < x.length; n++) evidence += (model.weights[n] ?? 0) * (x[n] ?? 0);
  return logistic(evidence);
}
