import { logistic, type ScoringModel } from "./model";

/** A coordinator's verdict on a pair of one network: "not a duplicate" or "coordinate". */
export type CoordinatorDecision = {
  a: string;
  b: string;
  verdict: "not-duplicate" | "duplicate";
};

export type DecidedPair = { features: readonly number[]; isDuplicate: boolean };

/**
 * How far decisions may pull the network's model from the fitted one: a Gaussian prior around
 * the fitted weights as strong as this many decided pairs, and a cap on each weight's move.
 */
const PRIOR_STRENGTH = 8;
const MAX_WEIGHT_SHIFT = 0.75;
const MAX_BIAS_SHIFT = 1.5;
const STEPS = 25;

function clamp(value: number, limit: number): number {
  return Math.max(-limit, Math.min(limit, value));
}

/**
 * The fitted model adjusted to one network's decisions: a regularised logistic regression that
 * starts from the fitted weights and may move each only a bounded distance, so one decision nudges
 * the network's scores and many agreeing decisions move them further, never past the caps.
 */
export function adaptModel(base: ScoringModel, decided: readonly DecidedPair[]): ScoringModel {
  if (decided.length === 0) return base;
  const weights = [...base.weights];
  let bias = base.bias;
  for (let step = 0; step < STEPS; step++) {
    const gradient = weights.map((weight, n) => PRIOR_STRENGTH * (weight - (base.weights[n] ?? 0)));
    let biasGradient = PRIOR_STRENGTH * (bias - base.bias);
    let curvature = PRIOR_STRENGTH;
    for (const pair of decided) {
      let evidence = bias;
      for (let n = 0; n < weights.length; n++)
        evidence += (weights[n] ?? 0) * (pair.features[n] ?? 0);
      const p = logistic(evidence);
      const error = p - (pair.isDuplicate ? 1 : 0);
      biasGradient += error;
      for (let n = 0; n < weights.length; n++)
        gradient[n] = (gradient[n] ?? 0) + error * (pair.features[n] ?? 0);
      curvature += p * (1 - p);
    }
    // a damped step: the prior keeps the problem well conditioned
    const rate = 1 / (curvature + decided.length);
    bias = base.bias + clamp(bias - rate * biasGradient - base.bias, MAX_BIAS_SHIFT);
    for (let n = 0; n < weights.length; n++) {
      const moved = (weights[n] ?? 0) - rate * (gradient[n] ?? 0);
      weights[n] = (base.weights[n] ?? 0) + clamp(moved - (base.weights[n] ?? 0), MAX_WEIGHT_SHIFT);
    }
  }
  return { ...base, weights, bias };
}
