// Scores the engine on the labelled development set, then on the held-out networks: per network and
// pooled precision, recall, F1. A `.json` argument scores that file alone. `--verbose` lists misses,
// false alarms and near misses with their signals.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { createDedupeIndex } from "../src/dedupe-index";
import { dedupeInputSchema } from "../src/input";

const labelSchema = z.object({
  a: z.string(),
  b: z.string(),
  label: z.enum(["duplicate", "distinct", "related"]),
  why: z.string().optional(),
});
const devSetSchema = z.object({
  networks: z.array(
    z.object({
      name: z.string(),
      activities: dedupeInputSchema.shape.activities,
      labels: z.array(labelSchema),
    }),
  ),
});

type Counts = { flagged: number; truePositives: number; duplicates: number; related: number };

const here = dirname(fileURLToPath(import.meta.url));
const chosen = process.argv.find((arg) => arg.endsWith(".json"));
const verbose = process.argv.includes("--verbose");
const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

function scoreFile(file: string): Array<{ name: string; counts: Counts }> {
  const devSet = devSetSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  const rows: Array<{ name: string; counts: Counts }> = [];

  for (const network of devSet.networks) {
    const labels = new Map(network.labels.map((label) => [key(label.a, label.b), label]));
    const index = createDedupeIndex();
    for (const activity of network.activities) index.upsert(activity);
    const flagged = new Set(index.allPairs().map((pair) => key(pair.a, pair.b)));
    const counts: Counts = { flagged: 0, truePositives: 0, duplicates: 0, related: 0 };
    for (const label of network.labels) if (label.label === "duplicate") counts.duplicates++;
    for (const pair of flagged) {
      const label = labels.get(pair)?.label ?? "distinct";
      if (label === "related") {
        counts.related++;
        continue;
      }
      counts.flagged++;
      if (label === "duplicate") counts.truePositives++;
    }
    rows.push({ name: network.name, counts });

    if (verbose) {
      console.log(`\n## ${network.name}`);
      const ids = network.activities.map((activity) => activity.id);
      const lines: Array<{ score: number; line: string }> = [];
      for (let i = 0; i < ids.length; i++) {
        for (let j = i + 1; j < ids.length; j++) {
          const a = ids[i] ?? "";
          const b = ids[j] ?? "";
          const assessment = index.explain(a, b);
          if (!assessment) continue;
          const label = labels.get(key(a, b))?.label ?? "-";
          const isFlagged = flagged.has(key(a, b));
          const interesting =
            label === "duplicate" || isFlagged || assessment.score > 0.15 || label !== "-";
          if (!interesting) continue;
          const s = assessment.signals;
          const mark =
            label === "duplicate"
              ? isFlagged
                ? "TP"
                : "FN"
              : isFlagged
                ? label === "related"
                  ? "rel+"
                  : "FP"
                : "  ";
          lines.push({
            score: assessment.score,
            line:
              `${mark.padEnd(4)} ${a}-${b} ${label.padEnd(9)} score=${assessment.score.toFixed(3)} ` +
              `text=${s.text.toFixed(2)} cos=${s.cosine.toFixed(2)} cont=${s.containment.toFixed(2)} ` +
              `title=${s.titleCosine.toFixed(2)} place=${s.place} gap=${s.periodGap} tg=${s.targetGroups} ` +
              `gcm=${s.gcmShared.join(",")}${s.gcmDisjoint ? "(disjoint)" : ""} lead=${s.sameLead ? "same" : "diff"} ` +
              `work=${s.workMismatch ? "mismatch" : "ok"} cand=${index.candidatesOf(a).includes(b)}`,
          });
        }
      }
      lines.sort((x, y) => y.score - x.score);
      for (const { line } of lines) console.log(line);
    }
  }
  return rows;
}

function metrics(counts: Counts) {
  const precision = counts.flagged === 0 ? 1 : counts.truePositives / counts.flagged;
  const recall = counts.duplicates === 0 ? 1 : counts.truePositives / counts.duplicates;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

function printTable(rows: Array<{ name: string; counts: Counts }>): void {
  const pooled: Counts = { flagged: 0, truePositives: 0, duplicates: 0, related: 0 };
  for (const { counts } of rows) {
    pooled.flagged += counts.flagged;
    pooled.truePositives += counts.truePositives;
    pooled.duplicates += counts.duplicates;
    pooled.related += counts.related;
  }
  console.log(
    "\n| network | flagged | true dup | labelled dup | related flagged | precision | recall | F1 |",
  );
  console.log("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const { name, counts } of [...rows, { name: "Pooled", counts: pooled }]) {
    const { precision, recall, f1 } = metrics(counts);
    console.log(
      `| ${name} | ${counts.flagged} | ${counts.truePositives} | ${counts.duplicates} | ${counts.related} | ` +
        `${precision.toFixed(3)} | ${recall.toFixed(3)} | ${f1.toFixed(3)} |`,
    );
  }
}

if (chosen) printTable(scoreFile(chosen));
else {
  printTable(scoreFile(join(here, "../fixtures/dedupe-dev-pairs.json")));
  const heldOut = scoreFile(join(here, "../fixtures/holdout-networks.json"));
  console.log("\nHeld-out networks (fixtures/holdout-networks.json):");
  printTable(heldOut);
}
