// The labelled networks in fixtures/ and every pair of each, with the signals the engine computes:
// what scripts/fit.ts learns from and scripts/eval.ts scores.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { createDedupeIndex } from "../src/dedupe-index";
import { dedupeInputSchema } from "../src/input";
import type { ScoringModel } from "../src/model";
import { scoreFeatures } from "../src/model";
import type { DedupeActivity } from "../src/types";

const labelSchema = z.object({
  a: z.string(),
  b: z.string(),
  label: z.enum(["duplicate", "distinct", "related"]),
  why: z.string().optional(),
});
const networkSchema = z.object({
  name: z.string(),
  activities: dedupeInputSchema.shape.activities,
  labels: z.array(labelSchema),
  provenance: z.object({ usedFor: z.string() }).loose().optional(),
});
const fileSchema = z.object({ networks: z.array(networkSchema) });

export type LabelledNetwork = z.infer<typeof networkSchema> & { file: string };
export type Label = "duplicate" | "distinct" | "related";

/** One pair of a network: its label, whether blocking and vetoes let it be scored, its signals. */
export type PairRow = {
  network: string;
  a: string;
  b: string;
  label: Label;
  /** Blocking makes it a candidate and no veto rules it out: the model decides. */
  scorable: boolean;
  leadsMissing: number;
  features: number[];
};

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "../fixtures");

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function loadNetworks(files?: readonly string[]): LabelledNetwork[] {
  const paths =
    files && files.length > 0
      ? files
      : readdirSync(FIXTURES)
          .filter((name) => name.endsWith(".json"))
          .sort()
          .map((name) => join(FIXTURES, name));
  return paths.flatMap((file) =>
    fileSchema
      .parse(JSON.parse(readFileSync(file, "utf8")))
      .networks.map((network) => ({ ...network, file })),
  );
}

export function labelsOf(network: LabelledNetwork): Map<string, Label> {
  return new Map(network.labels.map((label) => [pairKey(label.a, label.b), label.label]));
}

export function pairRows(network: LabelledNetwork): PairRow[] {
  const index = createDedupeIndex();
  for (const activity of network.activities as DedupeActivity[]) index.upsert(activity);
  const labels = labelsOf(network);
  const ids = network.activities.map((activity) => activity.id);
  const rows: PairRow[] = [];
  for (let i = 0; i < ids.length; i++) {
    const a = ids[i] ?? "";
    const candidates = new Set(index.candidatesOf(a));
    for (let j = i + 1; j < ids.length; j++) {
      const b = ids[j] ?? "";
      const assessment = index.explain(a, b);
      if (!assessment) continue;
      rows.push({
        network: network.name,
        a,
        b,
        label: labels.get(pairKey(a, b)) ?? "distinct",
        scorable: candidates.has(b) && assessment.signals.veto === null,
        leadsMissing: assessment.signals.leadsMissing,
        features: assessment.signals.features,
      });
    }
  }
  return rows;
}

export type Counts = {
  flagged: number;
  truePositives: number;
  duplicates: number;
  related: number;
};

export function emptyCounts(): Counts {
  return { flagged: 0, truePositives: 0, duplicates: 0, related: 0 };
}

export function isFlagged(row: PairRow, model: ScoringModel): boolean {
  if (!row.scorable) return false;
  const score = Math.round(scoreFeatures(model, row.features) * 1000) / 1000;
  return score >= (row.leadsMissing === 1 ? model.strongThreshold : model.threshold);
}

/** Counts as the domain README scores a network: related pairs left out of precision. */
export function countRows(rows: readonly PairRow[], flagged: (row: PairRow) => boolean): Counts {
  const counts = emptyCounts();
  for (const row of rows) {
    if (row.label === "duplicate") counts.duplicates++;
    if (!flagged(row)) continue;
    if (row.label === "related") counts.related++;
    else {
      counts.flagged++;
      if (row.label === "duplicate") counts.truePositives++;
    }
  }
  return counts;
}

export function addCounts(into: Counts, counts: Counts): Counts {
  into.flagged += counts.flagged;
  into.truePositives += counts.truePositives;
  into.duplicates += counts.duplicates;
  into.related += counts.related;
  return into;
}

export function metrics(counts: Counts): { precision: number; recall: number; f1: number } {
  const precision = counts.flagged === 0 ? 1 : counts.truePositives / counts.flagged;
  const recall = counts.duplicates === 0 ? 1 : counts.truePositives / counts.duplicates;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}
