// Fits the scoring model from labelled pair rows: an L2-regularised logistic regression over the
// engine's signals, each network weighing as much as any other, its strength chosen by
// leave-one-network-out log-loss, then the decision threshold and the stricter no-lead bar chosen
// on leave-one-network-out predictions.
import { FEATURE_NAMES, type ScoringModel, scoreFeatures } from "../src/model";
import { countRows, metrics, type PairRow } from "./labelled";

const LAMBDAS = [0.1, 0.3, 1, 3, 10, 30, 100];
const NEWTON_STEPS = 30;

/** One labelled pair: its signals, 1 for a duplicate, and how much it counts in the loss. */
type Example = { x: readonly number[]; y: number; weight?: number };

/** Solves the symmetric positive definite system `matrix · v = vector` (Cholesky). */
function solveSymmetric(matrix: Float64Array, vector: Float64Array, size: number): Float64Array {
  const lower = new Float64Array(size * size);
  for (let i = 0; i < size; i++)
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i * size + j] ?? 0;
      for (let k = 0; k < j; k++) sum -= (lower[i * size + k] ?? 0) * (lower[j * size + k] ?? 0);
      lower[i * size + j] =
        i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / (lower[j * size + j] ?? 1);
    }
  const forward = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    let sum = vector[i] ?? 0;
    for (let k = 0; k < i; k++) sum -= (lower[i * size + k] ?? 0) * (forward[k] ?? 0);
    forward[i] = sum / (lower[i * size + i] ?? 1);
  }
  const result = new Float64Array(size);
  for (let i = size - 1; i >= 0; i--) {
    let sum = forward[i] ?? 0;
    for (let k = i + 1; k < size; k++) sum -= (lower[k * size + i] ?? 0) * (result[k] ?? 0);
    result[i] = sum / (lower[i * size + i] ?? 1);
  }
  return result;
}

/** Newton's method on standardised signals; the bias is not penalised. */
export function fitLogistic(
  examples: readonly Example[],
  lambda: number,
): { weights: number[]; bias: number } {
  const dims = FEATURE_NAMES.length;
  const size = dims + 1;
  let total = 0;
  const mean = new Float64Array(dims);
  const scale = new Float64Array(dims);
  for (const { x, weight = 1 } of examples) {
    total += weight;
    for (let n = 0; n < dims; n++) mean[n] = (mean[n] ?? 0) + weight * (x[n] ?? 0);
  }
  for (let n = 0; n < dims; n++) mean[n] = (mean[n] ?? 0) / Math.max(total, 1e-9);
  for (const { x, weight = 1 } of examples)
    for (let n = 0; n < dims; n++)
      scale[n] = (scale[n] ?? 0) + weight * ((x[n] ?? 0) - (mean[n] ?? 0)) ** 2;
  for (let n = 0; n < dims; n++) {
    const sd = Math.sqrt((scale[n] ?? 0) / Math.max(total, 1e-9));
    scale[n] = sd > 1e-9 ? sd : 1;
  }
  const count = examples.length;
  const z = new Float64Array(count * size);
  examples.forEach(({ x }, e) => {
    z[e * size] = 1;
    for (let n = 0; n < dims; n++)
      z[e * size + n + 1] = ((x[n] ?? 0) - (mean[n] ?? 0)) / (scale[n] ?? 1);
  });
  const w = new Float64Array(size);
  const gradient = new Float64Array(size);
  const hessian = new Float64Array(size * size);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    for (let i = 0; i < size; i++) {
      gradient[i] = i === 0 ? 0 : lambda * (w[i] ?? 0);
      for (let j = 0; j < size; j++) hessian[i * size + j] = i === j && i > 0 ? lambda : 0;
    }
    for (let e = 0; e < count; e++) {
      const base = e * size;
      let evidence = 0;
      for (let n = 0; n < size; n++) evidence += (w[n] ?? 0) * (z[base + n] ?? 0);
      const p = 1 / (1 + Math.exp(-evidence));
      const weight = examples[e]?.weight ?? 1;
      const residual = weight * (p - (examples[e]?.y ?? 0));
      const curvature = weight * Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i < size; i++) {
        const xi = z[base + i] ?? 0;
        if (xi === 0) continue;
        gradient[i] = (gradient[i] ?? 0) + residual * xi;
        const row = i * size;
        const scaled = curvature * xi;
        for (let j = i; j < size; j++)
          hessian[row + j] = (hessian[row + j] ?? 0) + scaled * (z[base + j] ?? 0);
      }
    }
    for (let i = 0; i < size; i++) {
      hessian[i * size + i] = (hessian[i * size + i] ?? 0) + 1e-9;
      for (let j = 0; j < i; j++) hessian[i * size + j] = hessian[j * size + i] ?? 0;
    }
    const delta = solveSymmetric(hessian, gradient, size);
    let moved = 0;
    for (let n = 0; n < size; n++) {
      w[n] = (w[n] ?? 0) - (delta[n] ?? 0);
      moved = Math.max(moved, Math.abs(delta[n] ?? 0));
    }
    if (moved < 1e-7) break;
  }
  const weights = FEATURE_NAMES.map((_, n) => (w[n + 1] ?? 0) / (scale[n] ?? 1));
  const bias = (w[0] ?? 0) - weights.reduce((sum, weight, n) => sum + weight * (mean[n] ?? 0), 0);
  return { weights, bias };
}

/**
 * The scorable labelled pairs as examples, each network weighing as much in the loss as any other
 * (a network with 160 scorable pairs does not count four times one with 40): a network is the unit
 * the engine meets, and one large network's pairs otherwise set the weights for all. Weights sum to
 * the number of examples, so the penalty means what it did.
 */
function examplesOf(rows: readonly PairRow[]): Example[] {
  const usable = rows.filter((row) => row.scorable && row.label !== "related");
  const sizes = new Map<string, number>();
  for (const row of usable) sizes.set(row.network, (sizes.get(row.network) ?? 0) + 1);
  const each = usable.length / Math.max(sizes.size, 1);
  return usable.map((row) => ({
    x: row.features,
    y: row.label === "duplicate" ? 1 : 0,
    weight: each / (sizes.get(row.network) ?? 1),
  }));
}

function modelOf(fitted: { weights: number[]; bias: number }): ScoringModel {
  return { features: [...FEATURE_NAMES], ...fitted, threshold: 0.5, strongThreshold: 0.5 };
}

function groupByNetwork(rows: readonly PairRow[]): Map<string, PairRow[]> {
  const groups = new Map<string, PairRow[]>();
  for (const row of rows) {
    const group = groups.get(row.network);
    if (group) group.push(row);
    else groups.set(row.network, [row]);
  }
  return groups;
}

/** Each network's rows scored by a model fitted on the other networks' rows. */
function outOfNetworkScores(rows: readonly PairRow[], lambda: number): Array<[PairRow, number]> {
  const groups = groupByNetwork(rows);
  const scored: Array<[PairRow, number]> = [];
  for (const [name, held] of groups) {
    const training = rows.filter((row) => row.network !== name);
    const model = modelOf(fitLogistic(examplesOf(training), lambda));
    for (const row of held)
      scored.push([row, Math.round(scoreFeatures(model, row.features) * 1000) / 1000]);
  }
  return scored;
}

/** Held-out log-loss per pair, averaged over networks: each network counts as in the fit. */
function logLoss(scored: ReadonlyArray<[PairRow, number]>): number {
  const losses = new Map<string, { loss: number; count: number }>();
  for (const [row, score] of scored) {
    if (!row.scorable || row.label === "related") continue;
    const p = Math.min(Math.max(score, 1e-4), 1 - 1e-4);
    const entry = losses.get(row.network) ?? { loss: 0, count: 0 };
    entry.loss -= row.label === "duplicate" ? Math.log(p) : Math.log(1 - p);
    entry.count++;
    losses.set(row.network, entry);
  }
  let total = 0;
  for (const { loss, count } of losses.values()) total += loss / count;
  return total / Math.max(losses.size, 1);
}

/** The threshold with the best F1 on out-of-network scores: halfway between two scores. */
function chooseThreshold(scored: ReadonlyArray<[PairRow, number]>): number {
  const usable = scored.filter(([row]) => row.leadsMissing === 0);
  const values = [...new Set(usable.filter(([row]) => row.scorable).map(([, s]) => s))].sort(
    (x, y) => y - x,
  );
  const scores = new Map(usable);
  const rows = usable.map(([row]) => row);
  let best = { threshold: 0.5, f1: -1 };
  for (let n = 0; n < values.length; n++) {
    const value = values[n] ?? 0.5;
    const below = values[n + 1] ?? 0;
    const threshold = Math.round(((value + below) / 2) * 1000) / 1000;
    const counts = countRows(rows, (row) => row.scorable && (scores.get(row) ?? 0) >= threshold);
    const { f1 } = metrics(counts);
    if (f1 > best.f1 + 1e-9) best = { threshold, f1 };
  }
  return best.threshold;
}

/** Precision that warnings against an activity with no lead yet must reach on held-out networks. */
const STRONG_PRECISION = 0.98;

/** The lowest bar at or above the threshold where held-out warnings reach `STRONG_PRECISION`. */
function chooseStrongThreshold(
  scored: ReadonlyArray<[PairRow, number]>,
  threshold: number,
): number {
  const judged = scored
    .filter(([row]) => row.scorable && row.label !== "related" && row.leadsMissing === 0)
    .sort((x, y) => y[1] - x[1]);
  let flagged = 0;
  let right = 0;
  let bar = 0.999;
  for (const [row, score] of judged) {
    if (score < threshold) break;
    flagged++;
    if (row.label === "duplicate") right++;
    if (right / flagged >= STRONG_PRECISION) bar = score;
  }
  return Math.max(threshold, bar);
}

export type FitReport = { model: ScoringModel; lambda: number; networks: string[] };

/** Fits weights, threshold and the no-lead bar on these rows, every choice by held-out networks. */
export function fitModel(rows: readonly PairRow[]): FitReport {
  const networks = [...groupByNetwork(rows).keys()];
  let lambda = 1;
  let scored: Array<[PairRow, number]> = [];
  if (networks.length >= 3) {
    let bestLoss = Number.POSITIVE_INFINITY;
    for (const candidate of LAMBDAS) {
      const candidateScores = outOfNetworkScores(rows, candidate);
      const loss = logLoss(candidateScores);
      if (loss < bestLoss) {
        bestLoss = loss;
        lambda = candidate;
        scored = candidateScores;
      }
    }
  }
  const fitted = modelOf(fitLogistic(examplesOf(rows), lambda));
  if (scored.length === 0)
    scored = rows.map((row) => [
      row,
      Math.round(scoreFeatures(fitted, row.features) * 1000) / 1000,
    ]);
  const threshold = chooseThreshold(scored);
  const strongThreshold = chooseStrongThreshold(scored, threshold);
  return {
    model: {
      ...fitted,
      weights: fitted.weights.map((weight) => Math.round(weight * 1e4) / 1e4),
      bias: Math.round(fitted.bias * 1e4) / 1e4,
      threshold,
      strongThreshold: Math.round(strongThreshold * 1000) / 1000,
    },
    lambda,
    networks,
  };
}
