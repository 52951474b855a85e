// Workplan documents for benchmarks: a narrative and activities that read like real ones, made
// from a seed (the same seed gives the same document) and different enough from each other that
// the duplication engine flags only some of them.
import { type Activity, emptyActivity } from "@junction/domain";
import { appendNarrative, type NarrativeBlock } from "@junction/domain/doc";
import * as Y from "yjs";

const VERBS = [
  "Train",
  "Support",
  "Assess",
  "Map",
  "Strengthen",
  "Pilot",
  "Monitor",
  "Review",
  "Fund",
  "Publish",
  "Coordinate",
  "Digitise",
];
const SUBJECTS = [
  "border officials on victim identification",
  "legal aid clinics for returning migrants",
  "labour inspectors on fair recruitment",
  "municipal one-stop shops for reintegration",
  "consular staff on emergency assistance",
  "data sharing between migration agencies",
  "vocational courses for young returnees",
  "psychosocial care for unaccompanied children",
  "remittance services with lower fees",
  "diaspora investment in local businesses",
  "shelters for survivors of trafficking",
  "language classes for newly arrived workers",
  "a hotline on safe migration",
  "school enrolment of migrant children",
  "health insurance for seasonal workers",
  "statistics on internal displacement",
];
const PLACES = [
  "Tbilisi",
  "Kutaisi",
  "Batumi",
  "Rustavi",
  "Zugdidi",
  "Gori",
  "Telavi",
  "Poti",
  "Samtskhe-Javakheti",
  "Kakheti",
  "Imereti",
  "Adjara",
];
const PARAGRAPH =
  "The network agreed to work together on the priorities below, building on the national " +
  "migration strategy and on what its members learned from the previous workplan. Each " +
  "activity names the organisation that leads it, its partners, the places it covers and the " +
  "people it serves, so that members can see who does what, where and when.";

/** A small deterministic generator (mulberry32): the same seed, the same workplan. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)] as T;
}

/** Headings, paragraphs and `activities` activity blocks, as the editor stores them. */
export function generatedWorkplanBlocks(seed: number, activities = 12): NarrativeBlock[] {
  const next = random(seed);
  const blocks: NarrativeBlock[] = [
    { kind: "heading", level: 2, text: `Joint workplan ${seed}` },
    { kind: "paragraph", text: PARAGRAPH },
    { kind: "paragraph", text: PARAGRAPH },
    { kind: "heading", level: 2, text: "Activities" },
  ];
  for (let i = 0; i < activities; i++) {
    const place = pick(next, PLACES);
    const startYear = 2024 + Math.floor(next() * 3);
    const activity: Activity = {
      ...emptyActivity(`G${seed}-${i + 1}`),
      title: `${pick(next, VERBS)} ${pick(next, SUBJECTS)} in ${place}`,
      description: `Round ${seed}.${i + 1}: ${pick(next, SUBJECTS)}, with ${pick(next, SUBJECTS)}.`,
      gcmObjectives: [1 + Math.floor(next() * 23)],
      locations: [place],
      start: `${startYear}-0${1 + Math.floor(next() * 9)}`,
      end: `${startYear + 1}-12`,
    };
    blocks.push({ kind: "activity", activity });
  }
  return blocks;
}

/** The whole document as one Yjs update. */
export function generatedWorkplanUpdate(seed: number, activities = 12): Uint8Array {
  const ydoc = new Y.Doc();
  appendNarrative(ydoc, generatedWorkplanBlocks(seed, activities));
  const update = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return update;
}
