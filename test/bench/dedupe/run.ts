// Dedupe benchmark: a generated network of 5,000 activities. Times building the index, re-scoring
// one activity after its text changes, and the naive all-pairs comparison it replaces.
import { performance } from "node:perf_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { createDedupeIndex, type DedupeActivity } from "@junction/dedupe";

const SIZE = Number(process.argv[2] ?? 5000);
const CHANGES = 200;
const NAIVE_ROWS = 100;

function createRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = createRandom(42);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const WORK = [
  "Training for",
  "Capacity building workshop for",
  "Assessment of the needs of",
  "Awareness campaign for",
  "Information sessions for",
  "Small grants and business coaching for",
  "Legal aid hotline for",
  "Psychosocial support to",
  "Survey of",
  "Job fair for",
];
const GROUPS = [
  "returning migrants",
  "prospective labour migrants",
  "border officials",
  "children left behind",
  "refugees and asylum seekers",
  "migrant households",
  "diaspora entrepreneurs",
  "victims of trafficking",
  "government officials",
  "internal migrants",
];
const TOPICS = [
  "safe migration",
  "fair recruitment",
  "tuberculosis screening",
  "remittances and savings",
  "identification and referral",
  "reintegration",
  "language skills",
  "data sharing",
  "residence registration",
  "vocational skills",
];
const FILLER = (
  "community municipal regional partners sessions follow-up materials toolkit guidance pilot " +
  "volunteers outreach counselling schools employers ministries trainers modules handbook " +
  "monitoring evaluation referral mechanisms coordination meetings field visits mobile teams"
).split(" ");
const ORGS = [
  "IOM",
  "ILO",
  "UNDP",
  "UNICEF",
  "UNHCR",
  "UN Women",
  "WHO",
  "UNODC",
  "GIZ",
  "OSCE",
  ...Array.from({ length: 60 }, (_, n) => `Civil Society Group ${n + 1}`),
];
const PLACES = Array.from(
  { length: 80 },
  (_, n) => `Province ${String.fromCharCode(65 + (n % 26))}${n}`,
);

const SYLLABLES = "ka ri to mensa lu dor vel an ti sar po lek nu gra bel mi ostr ya ze quon".split(
  " ",
);
// proper names and specific terms: what real entries carry beside the shared vocabulary
const NAMES = Array.from({ length: 3000 }, () =>
  Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join(""),
);

function month(offset: number): string {
  const year = 2022 + Math.floor(offset / 12);
  return `${year}-${String((offset % 12) + 1).padStart(2, "0")}`;
}

function makeActivity(id: string): DedupeActivity {
  const start = Math.floor(random() * 36);
  const words = Array.from({ length: 12 }, () => pick(FILLER)).join(" ");
  const group = pick(GROUPS);
  const topic = pick(TOPICS);
  const place = pick(PLACES);
  const names = `${pick(NAMES)} ${pick(NAMES)} ${pick(NAMES)}`;
  return {
    id,
    title: `${pick(WORK)} ${group} on ${topic} in ${place}`,
    description: `Activity on ${topic} for ${group} with ${names}: ${words}.`,
    lead: pick(ORGS),
    partners: [pick(ORGS), pick(ORGS)],
    gcmObjectives: [1 + Math.floor(random() * 23)],
    locations: [place],
    targetGroups: [group],
    start: month(start),
    end: month(Math.min(start + 3 + Math.floor(random() * 12), 47)),
    budget: Math.round(10000 + random() * 200000),
  };
}

function percentile(values: readonly number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(share * sorted.length))] ?? 0;
}

const activities = Array.from({ length: SIZE }, (_, n) =>
  makeActivity(`X${String(n).padStart(5, "0")}`),
);
// plant reworded copies by other organisations so the network holds real duplicates
for (let n = 0; n < SIZE / 50; n++) {
  const original = activities[Math.floor(random() * activities.length)];
  if (!original) continue;
  activities[Math.floor(random() * activities.length)] = {
    ...original,
    id: `D${String(n).padStart(5, "0")}`,
    title: original.title.replace(/^\S+/, "Joint"),
    lead: original.lead === "IOM" ? "ILO" : "IOM",
  };
}

// a full collection before each heap reading, so the figure is what the index keeps alive
setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;
collect();
const heapBefore = process.memoryUsage().heapUsed;
const buildStart = performance.now();
const index = createDedupeIndex();
for (const activity of activities) index.upsert(activity);
const indexed = performance.now();
const pairs = index.allPairs();
const built = performance.now();
collect();
const heapAfter = process.memoryUsage().heapUsed;

const incremental: number[] = [];
const naive: number[] = [];
let blockedFound = 0;
let naiveFound = 0;
const ids = activities.map((activity) => activity.id);
for (let n = 0; n < CHANGES; n++) {
  const activity = activities[Math.floor(random() * activities.length)];
  if (!activity) continue;
  const changed = { ...activity, title: `${activity.title} (${pick(FILLER)} ${pick(FILLER)})` };
  const started = performance.now();
  index.upsert(changed);
  const found = index.pairsFor(changed.id);
  incremental.push(performance.now() - started);
  if (n < NAIVE_ROWS) {
    const naiveStart = performance.now();
    let count = 0;
    for (const other of ids) {
      if (other === changed.id) continue;
      if (index.explain(changed.id, other)?.isDuplicate) count++;
    }
    naive.push(performance.now() - naiveStart);
    naiveFound += count;
    blockedFound += found.length;
  }
}

const buildMs = built - buildStart;
const naiveRowMs = naive.reduce((sum, value) => sum + value, 0) / Math.max(naive.length, 1);
const naiveAllPairsMs = (naiveRowMs * SIZE) / 2;
const format = (value: number) => value.toFixed(value < 10 ? 2 : 0);
const rows: Array<[string, string, string, string]> = [
  ["build index from scratch", `${format(indexed - buildStart)} ms`, "", ""],
  [
    "build + all pairs (blocked)",
    `${format(buildMs)} ms`,
    `${format(naiveAllPairsMs)} ms (est.)`,
    `${format(naiveAllPairsMs / buildMs)}x`,
  ],
  [
    "re-score one change, p50",
    `${format(percentile(incremental, 0.5))} ms`,
    `${format(percentile(naive, 0.5))} ms`,
    `${format(percentile(naive, 0.5) / percentile(incremental, 0.5))}x`,
  ],
  [
    "re-score one change, p95",
    `${format(percentile(incremental, 0.95))} ms`,
    `${format(percentile(naive, 0.95))} ms`,
    `${format(percentile(naive, 0.95) / percentile(incremental, 0.95))}x`,
  ],
];

console.log(`\nDedupe benchmark: ${SIZE} activities, ${CHANGES} single-activity text changes`);
console.log("| measure | blocked index | naive all-pairs | ratio |");
console.log("|---|---:|---:|---:|");
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
console.log(`\nduplicate pairs found: ${pairs.length}`);
console.log(
  `heap used by the index: ${((heapAfter - heapBefore) / 1024 / 1024).toFixed(1)} MiB ` +
    `(rss ${(process.memoryUsage().rss / 1024 / 1024).toFixed(0)} MiB)`,
);
console.log(
  `blocking recall on ${naive.length} changed rows: ${blockedFound}/${naiveFound} pairs the naive scan flags`,
);
console.log(
  `naive all-pairs is estimated from ${naive.length} full rows (${format(naiveRowMs)} ms each x ${SIZE}/2)`,
);
