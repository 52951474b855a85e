// Export benchmark: time and peak memory to export a network as DOCX, XLSX, CSV and IATI, for the
// demo network and a generated one of 2,000 activities. Each measure runs in a child process of
// its own, so one export's peak memory does not hide another's.
import { spawnSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { type Activity, GCM_PRINCIPLES, SDG_TARGETS, STAGES } from "@junction/domain";
import { appendNarrative, readActivities, readNarrative } from "@junction/domain/doc";
import {
  type ExportInput,
  type ExportWorkplan,
  writeCsv,
  writeDocx,
  writeIati,
  writeMarkdown,
  writeXlsx,
} from "@junction/exports";
import {
  createSqliteUpdateLog,
  findNetwork,
  listOrganisations,
  listWorkplans,
  openDatabase,
  seedDemoNetwork,
} from "@junction/store";
import * as Y from "yjs";
import { runServerBench } from "./server";

const FORMATS = ["docx", "xlsx", "csv", "md", "iati"] as const;
type Format = (typeof FORMATS)[number];
const GENERATED_SIZE = Number(process.env.BENCH_ACTIVITIES ?? 2000);
const GENERATED_AT = "2026-12-03T09:30:00.000Z";
const IATI_SETTINGS = {
  prefix: "XM-DAC-47066",
  reportingOrgType: "40",
  language: "en",
  sector: "15190",
};

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

function ydocOf(update: Uint8Array | null, updates: { update: Uint8Array }[]): Y.Doc {
  const ydoc = new Y.Doc();
  if (update) Y.applyUpdate(ydoc, update);
  for (const { update: u } of updates) Y.applyUpdate(ydoc, u);
  return ydoc;
}

/** The demo network, seeded into SQLite and read back as the server would. */
function demoNetwork(): ExportInput {
  const db = openDatabase(":memory:");
  const { networkId } = seedDemoNetwork(db, "bench");
  const network = findNetwork(db, networkId);
  if (!network) throw new Error("the demo seed made no network");
  const log = createSqliteUpdateLog(db);
  const workplans = listWorkplans(db, networkId).map((workplan): ExportWorkplan => {
    const { snapshot, updates } = log.load(workplan.id);
    const ydoc = ydocOf(snapshot, updates);
    return {
      id: workplan.id,
      title: workplan.title,
      stage: workplan.stage,
      version: null,
      activities: readActivities(ydoc),
      narrative: readNarrative(ydoc),
    };
  });
  const organisations = listOrganisations(db, networkId);
  db.close();
  return { network, organisations, workplans, generatedAt: GENERATED_AT };
}

const WORDS = (
  "returning migrants border officials labour migration recruitment agencies referral " +
  "reintegration counselling trafficking victims data survey municipal services diaspora " +
  "remittances health insurance vocational training language courses legal aid hotline"
).split(" ");
const PLACES = Array.from({ length: 40 }, (_, n) => `Region ${n + 1}`);

/** A network of `size` activities in four workplans, built as Y.Docs like the seed builds them. */
function generatedNetwork(size: number): ExportInput {
  const random = createRandom(7);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");
  const organisations = Array.from({ length: 60 }, (_, n) => ({
    id: `org-${n}`,
    name: `Organisation number ${n} for migration`,
    acronym: `ORG${n}`,
    type: n < 10 ? "un-agency" : n < 20 ? "ministry" : "civil-society-organisation",
  }));
  const month = (offset: number) =>
    `${2024 + Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, "0")}`;
  const workplans: ExportWorkplan[] = [];
  const perWorkplan = Math.ceil(size / 4);
  for (let w = 0; w < 4; w++) {
    const ydoc = new Y.Doc();
    appendNarrative(ydoc, [
      { kind: "heading", level: 2, text: "Context" },
      { kind: "paragraph", text: sentence(80) },
      { kind: "heading", level: 2, text: "Activities" },
    ]);
    for (let a = 0; a < perWorkplan && w * perWorkplan + a < size; a++) {
      const start = Math.floor(random() * 24);
      const activity: Activity = {
        id: `W${w}-A${String(a).padStart(4, "0")}`,
        title: `${sentence(6)} ${a}`,
        description: sentence(50),
        lead: pick(organisations).id,
        partners: [pick(organisations).id, pick(organisations).id],
        gcmObjectives: [1 + Math.floor(random() * 23), 1 + Math.floor(random() * 23)],
        principles: [pick(GCM_PRINCIPLES).key],
        sdgTargets: [pick(SDG_TARGETS).target],
        locations: [pick(PLACES)],
        targetGroups: [sentence(2)],
        start: month(start),
        end: month(start + 1 + Math.floor(random() * 14)),
        budget: {
          amount: Math.round(random() * 500000),
          currency: "USD",
          source: "Donor",
          secured: random() > 0.5,
        },
        status: "planned",
        indicators: [
          { name: sentence(5), baseline: "0", target: String(a), meansOfVerification: sentence(3) },
        ],
      };
      if (a % 10 === 0) appendNarrative(ydoc, [{ kind: "heading", level: 3, text: sentence(4) }]);
      appendNarrative(ydoc, [{ kind: "activity", activity }]);
    }
    workplans.push({
      id: `wp-${w}`,
      title: `Generated workplan ${w + 1}`,
      stage: STAGES[w % STAGES.length] ?? "draft",
      version: null,
      activities: readActivities(ydoc),
      narrative: readNarrative(ydoc),
    });
  }
  return {
    network: { id: "generated", name: "Generated network", country: "Georgia" },
    organisations,
    workplans,
    generatedAt: GENERATED_AT,
  };
}

async function exportAs(input: ExportInput, format: Format): Promise<number> {
  switch (format) {
    case "docx":
      return (await writeDocx(input)).byteLength;
    case "xlsx":
      return writeXlsx(input).byteLength;
    case "csv":
      return Buffer.byteLength(writeCsv(input));
    case "md":
      return Buffer.byteLength(writeMarkdown(input));
    case "iati":
      return Buffer.byteLength(writeIati(input, IATI_SETTINGS).xml ?? "");
  }
}

type Measure = {
  activities: number;
  bytes: number;
  ms: number;
  cpuMs: number;
  rssBeforeMb: number;
  peakRssMb: number;
  heapDeltaMb: number;
};

const MB = 1024 * 1024;

/** In a child: build the network, export it once, print the measure as JSON. */
async function measureOne(network: string, format: Format): Promise<void> {
  const input = network === "demo" ? demoNetwork() : generatedNetwork(GENERATED_SIZE);
  const activities = input.workplans.reduce((n, w) => n + w.activities.length, 0);
  globalThis.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const bytes = await exportAs(input, format);
  const ms = performance.now() - started;
  const { user, system } = process.cpuUsage(cpu);
  const measure: Measure = {
    activities,
    bytes,
    ms,
    cpuMs: (user + system) / 1000,
    rssBeforeMb: rssBefore / MB,
    // maxRSS is in kilobytes: the process's peak, building the network included
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    heapDeltaMb: (process.memoryUsage().heapUsed - heapBefore) / MB,
  };
  process.stdout.write(JSON.stringify(measure));
}

function runChild(network: string, format: Format): Measure {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), "--one", network, format],
    { encoding: "utf8", maxBuffer: 16 * MB },
  );
  if (child.status !== 0) throw new Error(`${network} ${format} failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as Measure;
}

const fixed = (value: number, digits = 0) => value.toFixed(digits).padStart(8);

if (process.argv[2] === "--one") {
  await measureOne(process.argv[3] ?? "demo", (process.argv[4] ?? "docx") as Format);
} else if (process.argv.includes("--server-only")) {
  await runServerBench(GENERATED_SIZE);
} else {
  console.log(
    "| network | activities | format | file size | wall (ms) | CPU (ms) | RSS before (MB) | peak RSS (MB) |",
  );
  console.log("|---|---:|---|---:|---:|---:|---:|---:|");
  for (const network of ["demo", "generated"]) {
    for (const format of FORMATS) {
      const m = runChild(network, format);
      console.log(
        `| ${network} | ${m.activities} | ${format} | ${fixed(m.bytes / 1024, 0)} KiB | ${fixed(m.ms)} | ${fixed(m.cpuMs)} | ${fixed(m.rssBeforeMb)} | ${fixed(m.peakRssMb)} |`,
      );
    }
  }
  console.log(
    "\nEach row is one child process: it builds the network (seeded SQLite for the demo, Y.Docs for the generated one), then exports once. Peak RSS is the process's maximum, building included; CPU is the export's own (user + system), steadier than wall time on a shared machine.",
  );
  if (!process.argv.includes("--no-server")) await runServerBench(GENERATED_SIZE);
}
