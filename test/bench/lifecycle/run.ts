// Lifecycle benchmark: time to diff two versions and to restore one, on the larger demo workplan
// and on a generated workplan of 300 activities, the way the server does it (states from SQLite,
// restore through the sync server's change()); then the stored size of a document before and
// after 1,000 edits with full-state versions, against the gc:false + Yjs snapshots alternative.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { deflateRawSync } from "node:zlib";
import { type Activity, GCM_PRINCIPLES, SDG_TARGETS } from "@junction/domain";
import {
  appendNarrative,
  diffDocuments,
  findActivityElement,
  NARRATIVE_FIELD,
  readActivities,
  restoreDocument,
} from "@junction/domain/doc";
import {
  createSqliteUpdateLog,
  createWorkplan,
  type Db,
  insertVersion,
  listNetworks,
  loadVersionState,
  openDatabase,
  seedDemoNetwork,
  versionStorageBytes,
} from "@junction/store";
import { createSyncServer, type SyncServer } from "@junction/sync";
import * as Y from "yjs";

const DEMO_WORKPLAN = "wp-network-2021-2023";
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const EDITS = 1000;

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
const WORDS = (
  "returning migrants border officials labour migration recruitment agencies referral " +
  "reintegration counselling trafficking victims data survey municipal services diaspora " +
  "remittances health insurance vocational training language courses legal aid hotline"
).split(" ");
const sentence = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(" ");

function docOf(state: Uint8Array, gc = true): Y.Doc {
  const ydoc = new Y.Doc({ gc });
  Y.applyUpdate(ydoc, state);
  return ydoc;
}

/** The document as stored: snapshot plus log, compacted as a fresh Y.Doc encodes it. */
function storedState(db: Db, workplanId: string): Uint8Array {
  const { snapshot, updates } = createSqliteUpdateLog(db).load(workplanId);
  const ydoc = new Y.Doc();
  if (snapshot) Y.applyUpdate(ydoc, snapshot);
  for (const { update } of updates) Y.applyUpdate(ydoc, update);
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return state;
}

function storedDocumentBytes(db: Db, workplanId: string): number {
  const row = db
    .prepare(
      `SELECT COALESCE((SELECT LENGTH(state) FROM workplan_snapshots WHERE workplan_id = ?), 0)
       + COALESCE((SELECT SUM(LENGTH(update_data)) FROM workplan_updates WHERE workplan_id = ?), 0)`,
    )
    .pluck()
    .get(workplanId, workplanId) as number;
  return row;
}

function textNodes(ydoc: Y.Doc): Y.XmlText[] {
  const found: Y.XmlText[] = [];
  const visit = (node: Y.XmlFragment | Y.XmlElement) => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText) found.push(child);
      else if (child instanceof Y.XmlElement) visit(child);
    }
  };
  visit(ydoc.getXmlFragment(NARRATIVE_FIELD));
  return found;
}

/** One realistic edit: typing or deleting words, a field changed, a paragraph or activity added. */
function edit(ydoc: Y.Doc, activityIds: readonly string[], n: number): void {
  const roll = random();
  ydoc.transact(() => {
    if (roll < 0.55) {
      const text = pick(textNodes(ydoc));
      text.insert(Math.floor(random() * (text.length + 1)), ` ${pick(WORDS)}`);
    } else if (roll < 0.75) {
      const text = pick(textNodes(ydoc));
      if (text.length > 12) text.delete(Math.floor(random() * (text.length - 10)), 6);
    } else if (roll < 0.95) {
      const element = findActivityElement(ydoc, pick(activityIds));
      if (!element) return;
      const field = pick(["status", "end", "budget", "locations"] as const);
      if (field === "status")
        element.setAttribute("status", pick(["planned", "ongoing", "completed"]));
      if (field === "end")
        element.setAttribute("end", `2027-${String(1 + (n % 12)).padStart(2, "0")}`);
      if (field === "budget") {
        element.setAttribute("budget", {
          amount: Math.round(random() * 100000),
          currency: "USD",
          source: "Donor",
          secured: random() > 0.5,
        } as unknown as string);
      }
      if (field === "locations")
        element.setAttribute("locations", [sentence(1)] as unknown as string);
    } else {
      const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
      const paragraph = new Y.XmlElement("paragraph");
      paragraph.insert(0, [new Y.XmlText(sentence(12))]);
      fragment.insert(Math.floor(random() * fragment.length), [paragraph]);
    }
  });
}

/** 300 activities in 30 sections with narrative, built as the editor stores them. */
function generatedWorkplan(size: number): Y.Doc {
  const ydoc = new Y.Doc();
  appendNarrative(ydoc, [
    { kind: "heading", level: 2, text: "Context" },
    ...Array.from({ length: 6 }, () => ({ kind: "paragraph" as const, text: sentence(70) })),
  ]);
  for (let a = 0; a < size; a++) {
    if (a % 10 === 0) {
      appendNarrative(ydoc, [
        { kind: "heading", level: 3, text: sentence(4) },
        { kind: "paragraph", text: sentence(40) },
      ]);
    }
    const start = Math.floor(random() * 24);
    const month = (offset: number) =>
      `${2025 + Math.floor(offset / 12)}-${String((offset % 12) + 1).padStart(2, "0")}`;
    const activity: Activity = {
      id: `G${String(a).padStart(4, "0")}`,
      title: `${sentence(6)} ${a}`,
      description: `${sentence(40)}\n${sentence(25)}`,
      lead: `org-${a % 40}`,
      partners: [`org-${(a + 7) % 40}`, `org-${(a + 13) % 40}`],
      gcmObjectives: [1 + (a % 23)],
      principles: [pick(GCM_PRINCIPLES).key],
      sdgTargets: [pick(SDG_TARGETS).target],
      locations: [`Region ${a % 12}`],
      targetGroups: [sentence(2)],
      start: month(start),
      end: month(start + 6),
      budget: { amount: 1000 * a, currency: "USD", source: "Donor", secured: a % 2 === 0 },
      status: "planned",
      indicators: [{ name: sentence(5), baseline: "0", target: "10", meansOfVerification: "" }],
    };
    appendNarrative(ydoc, [{ kind: "activity", activity }]);
  }
  return ydoc;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

type Timing = {
  workplan: string;
  activities: number;
  stateKb: number;
  measure: string;
  ms: number;
};

/**
 * Per run: save a version, make 20 edits, then time (a) the diff version -> current as the
 * route computes it (live state read from SQLite, both decoded, diffed) and (b) the restore of
 * that version through the sync server (reconcile on a scratch copy, append, apply).
 */
function timeDiffAndRestore(db: Db, sync: SyncServer, workplanId: string, label: string): Timing[] {
  const diffMs: number[] = [];
  const restoreMs: number[] = [];
  let activities = 0;
  let stateBytes = 0;
  for (let run = 0; run < RUNS; run++) {
    sync.flush();
    const state = storedState(db, workplanId);
    stateBytes = state.length;
    const version = insertVersion(db, {
      workplanId,
      name: `run ${run}`,
      kind: "named",
      stage: "draft",
      createdBy: null,
      state,
    });
    const ids = readActivities(docOf(state)).map((a) => a.id);
    activities = ids.length;
    for (let i = 0; i < 20; i++) sync.change(workplanId, (ydoc) => edit(ydoc, ids, i));

    let started = performance.now();
    sync.flush();
    const from = docOf(loadVersionState(db, version.id) as Uint8Array);
    const to = docOf(storedState(db, workplanId));
    const diff = diffDocuments(from, to);
    diffMs.push(performance.now() - started);
    if (diff.narrative.length + diff.activities.changed.length === 0 && run === 0) {
      throw new Error("the edits changed nothing to diff");
    }
    to.destroy();

    started = performance.now();
    const target = docOf(loadVersionState(db, version.id) as Uint8Array);
    sync.change(workplanId, (ydoc) => restoreDocument(ydoc, target));
    restoreMs.push(performance.now() - started);
    target.destroy();
    const after = docOf(storedState(db, workplanId));
    const left = diffDocuments(from, after);
    if (left.narrative.length + left.activities.changed.length + left.activities.added.length > 0) {
      throw new Error("the restore left differences");
    }
    from.destroy();
    after.destroy();
  }
  const stateKb = stateBytes / 1024;
  return [
    {
      workplan: label,
      activities,
      stateKb,
      measure: "diff version -> current",
      ms: median(diffMs),
    },
    { workplan: label, activities, stateKb, measure: "restore a version", ms: median(restoreMs) },
  ];
}

type SizeRow = { design: string; before: number; after: number; note: string };

/** 1,000 edits by one client (as y-websocket sends them), a version every 100; sizes stored. */
function measureSizes(db: Db, workplanId: string): SizeRow[] {
  const log = createSqliteUpdateLog(db);
  const client = new Y.Doc();
  Y.applyUpdate(client, storedState(db, workplanId));
  // what the gc:false design would keep: every deleted character, forever
  const keepAll = new Y.Doc({ gc: false });
  Y.applyUpdate(keepAll, storedState(db, workplanId));
  const ids = readActivities(client).map((a) => a.id);
  const compact = () => {
    const state = storedState(db, workplanId);
    const { updates } = log.load(workplanId);
    const last = updates.at(-1)?.id;
    if (last !== undefined) log.compact(workplanId, state, last);
  };
  compact();
  const beforeDocument = storedDocumentBytes(db, workplanId);
  const beforeVersions = versionStorageBytes(db, workplanId);
  const beforeKeepAll = Y.encodeStateAsUpdate(keepAll).length;
  let snapshotBytes = 0;
  let deltaBytes = 0;
  let previousVector: Uint8Array | null = null;
  client.on("update", (update: Uint8Array) => {
    log.append([{ docName: workplanId, updates: [update] }]);
    Y.applyUpdate(keepAll, update);
  });
  for (let n = 1; n <= EDITS; n++) {
    edit(client, ids, n);
    // the sync server compacts after every 500 updates, and when a room unloads
    if (n % 500 === 0) compact();
    if (n % 100 === 0) {
      const state = storedState(db, workplanId);
      insertVersion(db, {
        workplanId,
        name: `after ${n} edits`,
        kind: "named",
        stage: "draft",
        createdBy: null,
        state,
      });
      snapshotBytes += Y.encodeSnapshot(Y.snapshot(keepAll)).length;
      // what a version would take stored as the change since the previous one
      const version = docOf(state);
      deltaBytes += deflateRawSync(
        previousVector ? Y.encodeStateAsUpdate(version, previousVector) : state,
      ).length;
      previousVector = Y.encodeStateVector(version);
      version.destroy();
    }
  }
  compact();
  const afterDocument = storedDocumentBytes(db, workplanId);
  const afterVersions = versionStorageBytes(db, workplanId);
  const afterKeepAll = Y.encodeStateAsUpdate(keepAll).length;
  return [
    {
      design: "live document (gc'd snapshot after compaction)",
      before: beforeDocument,
      after: afterDocument,
      note: "what every design stores for the live text",
    },
    {
      design: "chosen: + 10 versions as full gc'd states, deflated",
      before: beforeDocument + beforeVersions,
      after: afterDocument + afterVersions,
      note: `one state per version (${(afterVersions / 10 / 1024).toFixed(1)} KB each)`,
    },
    {
      design: "alternative: + 10 versions as deflated deltas from the previous one",
      before: beforeDocument,
      after: afterDocument + deltaBytes,
      note: "reading version n replays n deltas",
    },
    {
      design: "alternative: gc:false document + 10 Yjs snapshots",
      before: beforeKeepAll,
      after: afterKeepAll + snapshotBytes,
      note: `snapshots ${snapshotBytes} B in all; the document keeps every deletion`,
    },
  ];
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "junction-bench-lifecycle-"));
  const db = openDatabase(join(dir, "bench.db"));
  try {
    seedDemoNetwork(db, "bench");
    const networkId = listNetworks(db)[0]?.id as string;
    const generated = createWorkplan(db, { networkId, title: "Generated", createdBy: null });
    const ydoc = generatedWorkplan(300);
    createSqliteUpdateLog(db).append([
      { docName: generated.id, updates: [Y.encodeStateAsUpdate(ydoc)] },
    ]);
    ydoc.destroy();
    const sync = createSyncServer({ log: createSqliteUpdateLog(db) });
    const timings = [
      ...timeDiffAndRestore(db, sync, DEMO_WORKPLAN, "demo (larger)"),
      ...timeDiffAndRestore(db, sync, generated.id, "generated"),
    ];
    process.stdout.write(
      `\nDiff and restore, median of ${RUNS} runs (20 edits between version and current)\n\n`,
    );
    process.stdout.write(
      "| workplan | activities | state | measure | ms |\n|---|---:|---:|---|---:|\n",
    );
    for (const t of timings) {
      process.stdout.write(
        `| ${t.workplan} | ${t.activities} | ${t.stateKb.toFixed(1)} KB | ${t.measure} | ${t.ms.toFixed(1)} |\n`,
      );
    }
    await sync.close();

    const sizeDb = openDatabase(join(dir, "sizes.db"));
    seedDemoNetwork(sizeDb, "bench");
    const rows = measureSizes(sizeDb, DEMO_WORKPLAN);
    sizeDb.close();
    process.stdout.write(
      `\nStored size of the demo workplan before and after ${EDITS} edits (typing, deletions, field changes, new paragraphs)\n\n`,
    );
    process.stdout.write("| design | before | after | note |\n|---|---:|---:|---|\n");
    for (const row of rows) {
      process.stdout.write(
        `| ${row.design} | ${kb(row.before)} | ${kb(row.after)} | ${row.note} |\n`,
      );
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
