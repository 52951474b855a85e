// Scores the engine on every labelled network in fixtures/. The headline is leave-one-network-out:
// for each network, the model is fitted and its thresholds chosen on the other networks only, then
// it scores the network left out; counts are pooled. Beside it: the shipped model in-sample, and
// coordinators' decisions replayed on each held-out network. A `.json` argument scores that file
// alone with the shipped model; `--verbose` lists every error with its signals.
import { createDedupeIndex } from "../src/dedupe-index";
import { FITTED_MODEL } from "../src/fitted-model";
import { adaptModel } from "../src/learning";
import { FEATURE_NAMES, type ScoringModel, scoreFeatures } from "../src/model";
import type { DedupeActivity } from "../src/types";
import { fitModel } from "./fitting";
import {
  addCounts,
  type Counts,
  countRows,
  emptyCounts,
  isFlagged,
  type LabelledNetwork,
  labelsOf,
  loadNetworks,
  metrics,
  type PairRow,
  pairKey,
  pairRows,
} from "./labelled";

const files = process.argv.filter((arg) => arg.endsWith(".json"));
const verbose = process.argv.includes("--verbose");

function printTable(title: string, rows: Array<{ name: string; counts: Counts }>): void {
  const pooled = emptyCounts();
  for (const { counts } of rows) addCounts(pooled, counts);
  console.log(`\n${title}\n`);
  console.log(
    "| network | flagged | true dup | labelled dup | related flagged | precision | recall | F1 |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const { name, counts } of [...rows, { name: "**Pooled**", counts: pooled }]) {
    const { precision, recall, f1 } = metrics(counts);
    console.log(
      `| ${name} | ${counts.flagged} | ${counts.truePositives} | ${counts.duplicates} | ${counts.related} | ` +
        `${precision.toFixed(3)} | ${recall.toFixed(3)} | ${f1.toFixed(3)} |`,
    );
  }
}

/** The pairs the shipped engine flags end to end: the index and its blocking, as the CLI runs it. */
function flaggedPairs(network: LabelledNetwork): Array<{ a: string; b: string }> {
  const index = createDedupeIndex();
  for (const activity of network.activities as DedupeActivity[]) index.upsert(activity);
  return index.allPairs();
}

/** The shipped engine's counts on a network, as the domain README scores it. */
function inSample(network: LabelledNetwork): Counts {
  const labels = labelsOf(network);
  const counts = emptyCounts();
  for (const label of network.labels) if (label.label === "duplicate") counts.duplicates++;
  for (const pair of flaggedPairs(network)) {
    const label = labels.get(pairKey(pair.a, pair.b)) ?? "distinct";
    if (label === "related") counts.related++;
    else {
      counts.flagged++;
      if (label === "duplicate") counts.truePositives++;
    }
  }
  return counts;
}

function describeError(row: PairRow, model: ScoringModel, network: LabelledNetwork): string {
  const score = scoreFeatures(model, row.features);
  const title = (id: string) =>
    (network.activities.find((activity) => activity.id === id)?.title ?? "").slice(0, 60);
  const signals = FEATURE_NAMES.map((name, n) => [name, row.features[n] ?? 0] as const)
    .filter(([, value]) => value !== 0)
    .map(([name, value]) => `${name}=${Number(value.toFixed(2))}`)
    .join(" ");
  const why = row.scorable
    ? ""
    : row.leadsMissing === 2
      ? " [both leads missing]"
      : " [not scored: blocking or veto]";
  return `${row.label === "duplicate" ? "missed" : "false alarm"} ${row.a}-${row.b} score=${score.toFixed(3)}${why}\n    ${title(row.a)} | ${title(row.b)}\n    ${signals}`;
}

function replay(rows: readonly PairRow[], model: ScoringModel, network: LabelledNetwork) {
  // the coordinator decides every warning among the first half of the activities, as entered
  const ids = network.activities.map((activity) => activity.id);
  const early = new Set(ids.slice(0, Math.ceil(ids.length / 2)));
  const decided = rows
    .filter((row) => early.has(row.a) && early.has(row.b) && row.label !== "related")
    .filter((row) => isFlagged(row, model))
    .map((row) => ({ features: row.features, isDuplicate: row.label === "duplicate" }));
  const adapted = adaptModel(model, decided);
  const later = rows.filter((row) => !(early.has(row.a) && early.has(row.b)));
  // how the scores of the second half's scorable pairs moved, by label
  const moved = (label: string) => {
    const shifts = later
      .filter((row) => row.scorable && row.label === label)
      .map((row) => scoreFeatures(adapted, row.features) - scoreFeatures(model, row.features));
    return { sum: shifts.reduce((total, shift) => total + shift, 0), count: shifts.length };
  };
  return {
    decisions: decided.length,
    dismissed: decided.filter((pair) => !pair.isDuplicate).length,
    bar: { before: model.threshold, after: adapted.threshold },
    before: countRows(later, (row) => isFlagged(row, model)),
    after: countRows(later, (row) => isFlagged(row, adapted)),
    duplicateShift: moved("duplicate"),
    distinctShift: moved("distinct"),
  };
}

const networks = loadNetworks(files);
if (files.length > 0) {
  printTable(
    "Shipped model on the given file",
    networks.map((network) => ({ name: network.name, counts: inSample(network) })),
  );
  if (verbose) {
    console.log("\nShipped model errors:\n");
    for (const network of networks) {
      const flagged = new Set(flaggedPairs(network).map((pair) => pairKey(pair.a, pair.b)));
      for (const row of pairRows(network))
        if (
          row.label !== "related" &&
          (row.label === "duplicate") !== flagged.has(pairKey(row.a, row.b))
        )
          console.log(`${network.name}: ${describeError(row, FITTED_MODEL, network)}`);
    }
  }
} else {
  const rowsByNetwork = new Map(networks.map((network) => [network.name, pairRows(network)]));
  const heldOut: Array<{ name: string; counts: Counts }> = [];
  const replays: Array<{ name: string } & ReturnType<typeof replay>> = [];
  const errors: string[] = [];
  for (const network of networks) {
    const training = networks
      .filter((other) => other.name !== network.name)
      .flatMap((other) => rowsByNetwork.get(other.name) ?? []);
    const { model } = fitModel(training);
    const rows = rowsByNetwork.get(network.name) ?? [];
    heldOut.push({ name: network.name, counts: countRows(rows, (row) => isFlagged(row, model)) });
    replays.push({ name: network.name, ...replay(rows, model, network) });
    for (const row of rows) {
      const flagged = isFlagged(row, model);
      if ((row.label === "duplicate") !== flagged && row.label !== "related")
        errors.push(`${network.name}: ${describeError(row, model, network)}`);
    }
  }
  printTable(
    "Leave one network out (headline): fitted and tuned on the other networks, scored on this one",
    heldOut,
  );
  printTable(
    "In-sample: the shipped model (fitted on every network) through the index",
    networks.map((network) => ({ name: network.name, counts: inSample(network) })),
  );
  console.log(
    "\nDecisions replayed on each held-out network: the coordinator marks every warning among the " +
      "first half of its activities (coordinate / not a duplicate); the pairs that involve the " +
      "second half are scored before and after the network's model learns from them.\n",
  );
  console.log(
    "| network | decisions | of which dismissed | bar before | bar after | P before | R before | P after | R after |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  const before = emptyCounts();
  const after = emptyCounts();
  let decisions = 0;
  let dismissed = 0;
  const shifts = { duplicate: { sum: 0, count: 0 }, distinct: { sum: 0, count: 0 } };
  for (const entry of replays) {
    addCounts(before, entry.before);
    addCounts(after, entry.after);
    decisions += entry.decisions;
    dismissed += entry.dismissed;
    shifts.duplicate.sum += entry.duplicateShift.sum;
    shifts.duplicate.count += entry.duplicateShift.count;
    shifts.distinct.sum += entry.distinctShift.sum;
    shifts.distinct.count += entry.distinctShift.count;
    const b = metrics(entry.before);
    const a = metrics(entry.after);
    console.log(
      `| ${entry.name} | ${entry.decisions} | ${entry.dismissed} | ${entry.bar.before.toFixed(3)} | ${entry.bar.after.toFixed(3)} | ${b.precision.toFixed(3)} | ${b.recall.toFixed(3)} | ${a.precision.toFixed(3)} | ${a.recall.toFixed(3)} |`,
    );
  }
  const b = metrics(before);
  const a = metrics(after);
  console.log(
    `| **Pooled** | ${decisions} | ${dismissed} | | | ${b.precision.toFixed(3)} | ${b.recall.toFixed(3)} | ${a.precision.toFixed(3)} | ${a.recall.toFixed(3)} |`,
  );
  const mean = ({ sum, count }: { sum: number; count: number }) =>
    (count === 0 ? 0 : sum / count).toFixed(4);
  console.log(
    `\nMean score change of the second halves' scorable pairs after learning: labelled duplicate ` +
      `${mean(shifts.duplicate)} (${shifts.duplicate.count} pairs), distinct ${mean(shifts.distinct)} ` +
      `(${shifts.distinct.count} pairs).`,
  );
  console.log(
    `\nShipped model: threshold ${FITTED_MODEL.threshold}, no-lead bar ${FITTED_MODEL.strongThreshold}.`,
  );
  if (verbose) {
    console.log("\nLeave-one-network-out errors:\n");
    for (const error of errors) console.log(error);
  }
}
