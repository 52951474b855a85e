import { GCM_OBJECTIVES } from "@junction/domain";
import { isSameOrganisation } from "./organisations";
import { formatPeriod, gapBetween, monthsIn, overlapOf } from "./periods";
import { relatePlaces } from "./places";
import type { ActivityProfile } from "./profile";
import { relateTargetGroups, targetGroupLabel } from "./target-groups";
import { conceptGroup } from "./text";

/** Inverse document frequency of a feature in the current network. */
export type Weigher = (feature: string) => number;

export type TextSimilarity = {
  cosine: number;
  titleCosine: number;
  /** How much of the shorter entry the longer one covers. */
  containment: number;
  sharedConcepts: string[];
  sharedWords: string[];
};

export type PairSignals = TextSimilarity & {
  text: number;
  sameLead: boolean;
  leadUnknown: boolean;
  sharedPartners: string[];
  place: ReturnType<typeof relatePlaces>["kind"];
  periodGap: number | null;
  overlapShare: number | null;
  targetGroups: ReturnType<typeof relateTargetGroups>["kind"];
  gcmShared: number[];
  gcmDisjoint: boolean;
  budgetRatio: number | null;
  workMismatch: boolean;
};

export type PairAssessment = {
  score: number;
  isDuplicate: boolean;
  reasons: string[];
  signals: PairSignals;
};

const DEFAULT_THRESHOLD = 0.5;

function vectorValue(raw: number, feature: string, weigh: Weigher): number {
  return Math.log1p(raw) * weigh(feature);
}

export function normOf(features: ReadonlyMap<string, number>, weigh: Weigher): number {
  let sum = 0;
  for (const [feature, raw] of features) {
    const value = vectorValue(raw, feature, weigh);
    sum += value * value;
  }
  return Math.sqrt(sum);
}

function massOf(features: ReadonlyMap<string, number>, weigh: Weigher): number {
  let sum = 0;
  for (const [feature, raw] of features) sum += vectorValue(raw, feature, weigh);
  return sum;
}

export function compareText(
  a: ActivityProfile,
  b: ActivityProfile,
  weigh: Weigher,
  norms?: { a: number; b: number },
): TextSimilarity {
  const [small, large] = a.features.size <= b.features.size ? [a, b] : [b, a];
  let dot = 0;
  let sharedMass = 0;
  const sharedConcepts: string[] = [];
  const shared: Array<{ word: string; value: number }> = [];
  for (const [feature, rawSmall] of small.features) {
    const rawLarge = large.features.get(feature);
    if (rawLarge === undefined) continue;
    const valueSmall = vectorValue(rawSmall, feature, weigh);
    const valueLarge = vectorValue(rawLarge, feature, weigh);
    dot += valueSmall * valueLarge;
    sharedMass += Math.min(valueSmall, valueLarge);
    if (feature.startsWith("c:")) sharedConcepts.push(feature.slice(2));
    else if (feature.startsWith("w:")) {
      const stem = feature.slice(2);
      shared.push({ word: a.surfaces.get(stem) ?? stem, value: valueSmall * valueLarge });
    }
  }
  const normA = norms?.a ?? normOf(a.features, weigh);
  const normB = norms?.b ?? normOf(b.features, weigh);
  const cosine = normA > 0 && normB > 0 ? dot / (normA * normB) : 0;
  const smallMass = massOf(small.features, weigh);
  const containment = smallMass > 0 ? sharedMass / smallMass : 0;

  let titleDot = 0;
  for (const [feature, raw] of a.titleFeatures) {
    const other = b.titleFeatures.get(feature);
    if (other !== undefined)
      titleDot += vectorValue(raw, feature, weigh) * vectorValue(other, feature, weigh);
  }
  const titleNorms = normOf(a.titleFeatures, weigh) * normOf(b.titleFeatures, weigh);
  const titleCosine = titleNorms > 0 ? titleDot / titleNorms : 0;
  shared.sort((x, y) => y.value - x.value);
  return {
    cosine,
    titleCosine,
    containment,
    sharedConcepts,
    sharedWords: shared.map((entry) => entry.word),
  };
}

function formatAmount(amount: number): string {
  return Math.round(amount).toLocaleString("en-US");
}

function gcmLabel(objective: number): string {
  const found = GCM_OBJECTIVES.find((entry) => entry.number === objective);
  return found ? `${objective} (${found.short})` : String(objective);
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function logistic(value: number): number {
  return 1 / (1 + Math.exp(-value));
}

/** Scores one pair: 0..1, whether it passes the threshold, and the reasons behind it. */
export function assessPair(
  a: ActivityProfile,
  b: ActivityProfile,
  weigh: Weigher,
  options: { threshold?: number | undefined; norms?: { a: number; b: number } } = {},
): PairAssessment {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const text = compareText(a, b, weigh, options.norms);
  const sameLead = a.lead !== null && b.lead !== null && isSameOrganisation(a.lead, b.lead);
  const sharedPartners = a.partners
    .filter((partner) => b.partners.some((other) => isSameOrganisation(partner, other)))
    .map((partner) => partner.label);
  const place = relatePlaces(a.places, b.places);
  const overlap = a.period && b.period ? overlapOf(a.period, b.period) : null;
  const periodGap = a.period && b.period ? gapBetween(a.period, b.period) : null;
  const overlapShare =
    overlap && a.period && b.period
      ? monthsIn(overlap) / Math.min(monthsIn(a.period), monthsIn(b.period))
      : null;
  const groups = relateTargetGroups(a.targetGroups, b.targetGroups);
  const gcmShared = [...a.gcmObjectives].filter((objective) => b.gcmObjectives.has(objective));
  const gcmDisjoint = a.gcmObjectives.size > 0 && b.gcmObjectives.size > 0 && gcmShared.length === 0;
  const budgetRatio =
    a.budget !== null && b.budget !== null
      ? Math.max(a.budget, b.budget) / Math.min(a.budget, b.budget)
      : null;
  const sharedWork = [...a.titleWork].filter((work) => b.titleWork.has(work));
  const workMismatch = a.titleWork.size > 0 && b.titleWork.size > 0 && sharedWork.length === 0;

  // a terse entry is judged on how much of it the other covers, a full one on overall likeness
  const terse = Math.min(a.features.size, b.features.size) < 14;
  const textScore = Math.max(
    text.cosine,
    0.5 * text.cosine + 0.5 * text.containment * (terse ? 0.9 : 0.7),
    0.8 * text.titleCosine,
  );

  let evidence = -4.6 + 7.5 * textScore;
  if (place.kind === "same") evidence += 0.6;
  else if (place.kind === "same-name") evidence += 0.1;
  else if (place.kind === "different") evidence -= 3;
  if (overlapShare !== null) evidence += 0.5 * overlapShare;
  if (periodGap !== null && periodGap > 0) evidence -= 3;
  if (groups.kind === "shared") evidence += 0.4;
  else if (groups.kind === "conflict") evidence -= 2.5;
  if (gcmShared.length > 0) evidence += 0.4;
  else if (gcmDisjoint) evidence -= 0.6;
  evidence += 0.2 * Math.min(sharedPartners.length, 2);
  if (budgetRatio !== null) evidence += budgetRatio <= 3 ? 0.15 : budgetRatio > 10 ? -0.4 : 0;
  if (workMismatch) evidence -= 0.8;
  if (sameLead) evidence -= 6;

  const score = Math.round(logistic(evidence) * 1000) / 1000;
  const signals: PairSignals = {
    ...text,
    text: textScore,
    sameLead,
    leadUnknown: a.lead === null || b.lead === null,
    sharedPartners,
    place: place.kind,
    periodGap,
    overlapShare,
    targetGroups: groups.kind,
    gcmShared,
    gcmDisjoint,
    budgetRatio,
    workMismatch,
  };

  const reasons: string[] = [];
  const work = text.sharedConcepts.filter((key) => conceptGroup(key)?.kind === "work");
  const subjects = text.sharedConcepts.filter((key) => conceptGroup(key)?.kind === "subject");
  const labels = (keys: readonly string[]) => keys.map((key) => conceptGroup(key)?.label ?? key);
  const words = text.sharedWords.slice(0, 5).map((word) => `"${word}"`);
  if (work.length > 0 || subjects.length > 0) {
    const what = work.length > 0 ? `both plan ${listOf(labels(work.slice(0, 2)))}` : "both work";
    const about = subjects.length > 0 ? ` on ${listOf(labels(subjects.slice(0, 3)))}` : "";
    reasons.push(`${what}${about}`);
  }
  reasons.push(
    `similar wording (${Math.round(textScore * 100)}%)${words.length > 0 ? `: ${words.join(", ")}` : ""}`,
  );
  if (a.lead && b.lead)
    reasons.push(
      sameLead
        ? `same lead organisation: ${a.lead.label}${a.lead.label === b.lead.label ? "" : ` / ${b.lead.label}`}`
        : `different lead organisations: ${a.lead.label} and ${b.lead.label}`,
    );
  if (sharedPartners.length > 0) reasons.push(`shared partners: ${listOf(sharedPartners)}`);
  switch (place.kind) {
    case "same":
      reasons.push(`same place: ${listOf(place.places)}`);
      break;
    case "same-name":
      reasons.push(`places with the same name, city and region: ${listOf(place.places)}`);
      break;
    case "covers":
      reasons.push(`one covers ${place.wide}, the other works in ${place.other}`);
      break;
    case "different":
      reasons.push(`different places: ${listOf(place.a)} vs ${listOf(place.b)}`);
      break;
    case "unknown":
      break;
  }
  if (overlap) reasons.push(`periods overlap: ${formatPeriod(overlap)}`);
  else if (a.period && b.period)
    reasons.push(
      `periods do not overlap: ${formatPeriod(a.period)} vs ${formatPeriod(b.period)}`,
    );
  if (groups.kind === "shared")
    reasons.push(`same target group: ${listOf(groups.groups.map(targetGroupLabel))}`);
  else if (groups.kind === "conflict")
    reasons.push(
      `different target groups: ${listOf(groups.a.map(targetGroupLabel))} vs ${listOf(groups.b.map(targetGroupLabel))}`,
    );
  if (gcmShared.length > 0)
    reasons.push(`shared GCM objectives: ${listOf(gcmShared.sort((x, y) => x - y).map(gcmLabel))}`);
  if (budgetRatio !== null && a.budget !== null && b.budget !== null && budgetRatio <= 3)
    reasons.push(`similar budget scale: ${formatAmount(a.budget)} and ${formatAmount(b.budget)}`);
  if (workMismatch)
    reasons.push(
      `different kinds of work: ${listOf(labels([...a.titleWork]))} vs ${listOf(labels([...b.titleWork]))}`,
    );
  return { score, isDuplicate: score >= threshold && !sameLead, reasons, signals };
}
