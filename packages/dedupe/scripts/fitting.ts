// Fits the scoring model from labelled pair rows: an L2-regularised logistic regression over the
// engine's signals, its strength chosen by leave-one-network-out log-loss, then the decision
// threshold and the stricter no-lead bar chosen on leave-one-network-out predictions.
import { FEATURE_NAMES, type ScoringModel, scoreFeatures } from "../src/model";
import { countRows, metrics, type PairRow } from "./labelled";

const LAMBDAS = [0.1, 0.3, 1, 3, 10, 30, 100];
const NEWTON_STEPS = 30;

type Example = { x: readonly number[]; y: number };

function solve(matrix: number[][], vector: number[]): number[] {
  const size = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let col = 0; col < size; col++) {
    let pivot = col;
    for (let row = col + 1; row < size; row++)
      if (Math.abs(a[row]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = row;
    const swap = a[col];
    a[col] = a[pivot] ?? [];
    a[pivot] = swap ?? [];
    const lead = a[col]?.[col] ?? 1;
    for (let row = 0; row < size; row++) {
      if (row === col) continue;
      const factor = (a[row]?.[col] ?? 0) / lead;
      if (factor === 0) continue;
      for (let k = col; k <= size; k++)
        (a[row] as number[])[k] = (a[row]?.[k] ?? 0) - factor * (a[col]?.[k] ?? 0);
    }
  }
  return a.map((row, i) => (row[size] ?? 0) / (row[i] ?? 1));
}

/** Newton's method on standardised signals; the bias is not penalised. */
export function fitLogistic(
  examples: readonly Example[],
  lambda: number,
): { weights: number[]; bias: number } {
  const dims = FEATURE_NAMES.length;
  const mean = new Array<number>(dims).fill(0);
  const scale = new Array<number>(dims).fill(0);
  for (const { x } of examples)
    for (let n = 0; n < dims; n++) mean[n] = (mean[n] ?? 0) + (x[n] ?? 0);
  for (let n = 0; n < dims; n++) mean[n] = (mean[n] ?? 0) / Math.max(examples.length, 1);
  for (const { x } of examples)
    for (let n = 0; n < dims; n++) scale[n] = (scale[n] ?? 0) + ((x[n] ?? 0) - (mean[n] ?? 0)) ** 2;
  for (let n = 0; n < dims; n++) {
    const sd = Math.sqrt((scale[n] ?? 0) / Math.max(examples.length, 1));
    scale[n] = sd > 1e-9 ? sd : 1;
  }
  const z = examples.map(({ x, y }) => ({
    x: [1, ...x.map((value, n) => (value - (mean[n] ?? 0)) / (scale[n] ?? 1))],
    y,
  }));
  const w = new Array<number>(dims + 1).fill(0);
  for (let step = 0; step < NEWTON_STEPS; step++) {
    const gradient = w.map((value, n) => (n === 0 ? 0 : lambda * value));
    const hessian = w.map((_, i) => w.map((__, j) => (i === j && i > 0 ? lambda : 0)));
    for (const { x, y } of z) {
      let evidence = 0;
      for (let n = 0; n <= dims; n++) evidence += (w[n] ?? 0) * (x[n] ?? 0);
      const p = 1 / (1 + Math.exp(-evidence));
      const weight = Math.max(p * (1 - p), 1e-9);
      for (let i = 0; i <= dims; i++) {
        gradient[i] = (gradient[i] ?? 0) + (p - y) * (x[i] ?? 0);
        const row = hessian[i] as number[];
        for (let j = 0; j <= dims; j++) row[j] = (row[j] ?? 0) + weight * (x[i] ?? 0) * (x[j] ?? 0);
      }
    }
    for (let n = 0; n <= dims; n++) (hessian[n] as number[])[n] = (hessian[n]?.[n] ?? 0) + 1e-9;
    const delta = solve(hessian, gradient);
    let moved = 0;
    for (let n = 0; n <= dims; n++) {
      w[n] = (w[n] ?? 0) - (delta[n] ?? 0);
      moved = Math.max(moved, Math.abs(delta[n] ?? 0));
    }
    if (moved < 1e-7) break;
  }
  const weights = FEATURE_NAMES.map((_, n) => (w[n + 1] ?? 0) / (scale[n] ?? 1));
  const bias = (w[0] ?? 0) - weights.reduce((sum, weight, n) => sum + weight * (mean[n] ?? 0), 0);
  return { weights, bias };
}

function examplesOf(rows: readonly PairRow[]): Example[] {
  return rows
    .filter((row) => row.scorable && row.label !== "related")
    .map((row) => ({ x: row.features, y: row.label === "duplicate" ? 1 : 0 }));
}

function modelOf(fitted: { weights: number[]; bias: number }): ScoringModel {
  return { features: [...FEATURE_NAMES], ...fitted, threshold: 0.5, strongThreshold: 0.5 };
}

function groupByNetwork(rows: readonly PairRow[]): Map<string, PairRow[]> {
  const groups = new Map<string, PairRow[]>();
  for (const row of rows) groups.set(row.network, [...(groups.get(row.network) ?? []), row]);
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

function logLoss(scored: ReadonlyArray<[PairRow, number]>): number {
  let loss = 0;
  for (const [row, score] of scored) {
    if (!row.scorable || row.label === "related") continue;
    const p = Math.min(Math.max(score, 1e-4), 1 - 1e-4);
    loss -= row.label === "duplicate" ? Math.log(p) : Math.log(1 - p);
  }
  return loss;
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
