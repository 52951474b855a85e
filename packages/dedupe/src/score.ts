import { GCM_OBJECTIVES } from "@junction/domain";
import { isSameOrganisation } from "./organisations";
import { formatPeriod, gapBetween, monthsIn, overlapOf } from "./periods";
import { type PlaceRelation, relatePlaces } from "./places";
import type { ActivityProfile } from "./profile";
import {
  isAgeGroup,
  isBeneficiaryGroup,
  isProtectionGroup,
  relateTargetGroups,
  targetGroupLabel,
} from "./target-groups";
import { conceptGroup } from "./text";

/** Inverse document frequency of a feature in the current network. */
export type Weigher = (feature: string) => number;

export type TextSimilarity = {
  cosine: number;
  titleCosine: number;
  /** How much of the shorter entry the longer one covers. */
  containment: number;
  sharedConcepts: string[];
  /** Shared concept groups over the concept groups of the entry that has fewer. */
  conceptOverlap: number;
  sharedWords: string[];
};

export type PairSignals = TextSimilarity & {
  text: number;
  sameLead: boolean;
  leadUnknown: boolean;
  sharedPartners: string[];
  place: PlaceRelation["kind"];
  periodGap: number | null;
  overlapShare: number | null;
  targetGroups: ReturnType<typeof relateTargetGroups>["kind"];
  gcmShared: number[];
  gcmDisjoint: boolean;
  budgetRatio: number | null;
  workMismatch: boolean;
  titleMismatch: boolean;
  /** Refugee or statelessness protection named by one side and nowhere in the other. */
  regimeMismatch: boolean;
  sharedWork: string[];
};

export type PairAssessment = {
  score: number;
  isDuplicate: boolean;
  reasons: string[];
  signals: PairSignals;
};

const DEFAULT_THRESHOLD = 0.5;
const TEXT_FLOOR = 0.18;
const AUDIENCE_CONCEPTS = new Set(["return", "labour", "children", "youth", "women"]);

const PLACE_WEIGHTS: Record<PlaceRelation["kind"], number> = {
  same: 0.4,
  "same-name": 0.35,
  mentioned: 0.15,
  "same-country": -0.3,
  covers: -0.45,
  different: 0,
  unknown: 0,
};

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

/** Per-activity sums under the current weights; the index caches them between changes. */
export type ProfileMeasures = { norm: number; titleNorm: number; mass: number };

export function measureProfile(profile: ActivityProfile, weigh: Weigher): ProfileMeasures {
  return {
    norm: normOf(profile.features, weigh),
    titleNorm: normOf(profile.titleFeatures, weigh),
    mass: massOf(profile.features, weigh),
  };
}

export function compareText(
  a: ActivityProfile,
  b: ActivityProfile,
  weigh: Weigher,
  measures: { a: ProfileMeasures; b: ProfileMeasures } = {
    a: measureProfile(a, weigh),
    b: measureProfile(b, weigh),
  },
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
  const normA = measures.a.norm;
  const normB = measures.b.norm;
  const cosine = normA > 0 && normB > 0 ? dot / (normA * normB) : 0;
  const smallMass = small === a ? measures.a.mass : measures.b.mass;
  const containment = smallMass > 0 ? sharedMass / smallMass : 0;

  let titleDot = 0;
  for (const [feature, raw] of a.titleFeatures) {
    const other = b.titleFeatures.get(feature);
    if (other !== undefined)
      titleDot += vectorValue(raw, feature, weigh) * vectorValue(other, feature, weigh);
  }
  const titleNorms = measures.a.titleNorm * measures.b.titleNorm;
  const titleCosine = titleNorms > 0 ? titleDot / titleNorms : 0;
  shared.sort((x, y) => y.value - x.value);
  const fewerConcepts = Math.min(conceptCount(a), conceptCount(b));
  return {
    cosine,
    titleCosine,
    containment,
    sharedConcepts,
    conceptOverlap: fewerConcepts > 0 ? sharedConcepts.length / fewerConcepts : 0,
    sharedWords: shared.map((entry) => entry.word),
  };
}

function conceptCount(profile: ActivityProfile): number {
  let count = 0;
  for (const feature of profile.features.keys()) if (feature.startsWith("c:")) count++;
  return count;
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

const PROTECTION_CONCEPTS = ["asylum", "statelessness"];

// named as who the activity is for, and only them: "refugee and migrant children" names both
function namesProtection(profile: ActivityProfile): boolean {
  if (/\bmigra|\bmigrant/i.test(profile.title)) return false;
  const groups = [...profile.targetGroups];
  if (groups.some(isProtectionGroup))
    return groups.every(
      (key) => isProtectionGroup(key) || !isBeneficiaryGroup(key) || isAgeGroup(key),
    );
  return groups.length === 0 && PROTECTION_CONCEPTS.some((key) => profile.titleConcepts.has(key));
}

function mentionsProtection(profile: ActivityProfile): boolean {
  return PROTECTION_CONCEPTS.some((key) => profile.features.has(`c:${key}`));
}

/** Cheap checks that rule a pair out whatever its wording: same lead, other places or years. */
export function isRuledOut(a: ActivityProfile, b: ActivityProfile): boolean {
  if (a.lead !== null && b.lead !== null && isSameOrganisation(a.lead, b.lead)) return true;
  if (a.period !== null && b.period !== null && overlapOf(a.period, b.period) === null) return true;
  return relatePlaces(a.places, b.places, { a: a.placeText, b: b.placeText }).kind === "different";
}

/** Scores one pair: 0..1, whether it passes the threshold, and the reasons behind it. */
export function assessPair(
  a: ActivityProfile,
  b: ActivityProfile,
  weigh: Weigher,
  options: {
    threshold?: number | undefined;
    measures?: { a: ProfileMeasures; b: ProfileMeasures };
    /** Write reasons for pairs below the threshold too (explaining, evaluating). */
    explainAll?: boolean;
  } = {},
): PairAssessment {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const text = compareText(a, b, weigh, options.measures);
  const sameLead = a.lead !== null && b.lead !== null && isSameOrganisation(a.lead, b.lead);
  const sharedPartners = a.partners
    .filter((partner) => b.partners.some((other) => isSameOrganisation(partner, other)))
    .map((partner) => partner.label);
  const place = relatePlaces(a.places, b.places, { a: a.placeText, b: b.placeText });
  const overlap = a.period && b.period ? overlapOf(a.period, b.period) : null;
  const periodGap = a.period && b.period ? gapBetween(a.period, b.period) : null;
  const overlapShare =
    overlap && a.period && b.period
      ? monthsIn(overlap) / Math.min(monthsIn(a.period), monthsIn(b.period))
      : null;
  const groups = relateTargetGroups(a.targetGroups, b.targetGroups);
  const gcmShared = [...a.gcmObjectives].filter((objective) => b.gcmObjectives.has(objective));
  const gcmDisjoint =
    a.gcmObjectives.size > 0 && b.gcmObjectives.size > 0 && gcmShared.length === 0;
  const budgetRatio =
    a.budget !== null && b.budget !== null
      ? Math.max(a.budget, b.budget) / Math.min(a.budget, b.budget)
      : null;
  const sharedWork = [...a.titleWork].filter((work) => b.titleWork.has(work));
  const workMismatch = a.titleWork.size > 0 && b.titleWork.size > 0 && sharedWork.length === 0;
  // titles that name only who is served in common ("returnees") but different work or subjects
  const titleMismatch =
    a.titleConcepts.size > 0 &&
    b.titleConcepts.size > 0 &&
    ![...a.titleConcepts].some((key) => b.titleConcepts.has(key) && !AUDIENCE_CONCEPTS.has(key));

  const regimeMismatch =
    namesProtection(a) !== namesProtection(b) &&
    !(namesProtection(a) ? mentionsProtection(b) : mentionsProtection(a));

  const textScore = Math.max(text.cosine, 0.5 * text.cosine + 0.5 * text.containment);
  const sharedWorkAnywhere = text.sharedConcepts.some((key) => conceptGroup(key)?.kind === "work");
  const overlapsInTime = overlapShare !== null;
  const vetoed =
    sameLead ||
    place.kind === "different" ||
    (a.period !== null && b.period !== null && !overlapsInTime) ||
    groups.kind === "conflict";

  // weights fitted by regularised logistic regression on the development set, then rounded
  let evidence = -4.5;
  evidence += 1.2 * text.cosine + 0.9 * text.containment + 1.1 * text.titleCosine;
  evidence += 1.3 * text.conceptOverlap;
  if (sharedWorkAnywhere) evidence += 0.85;
  if (workMismatch) evidence -= 1.2;
  if (titleMismatch) evidence -= 1;
  evidence += PLACE_WEIGHTS[place.kind];
  evidence += 0.35 * (overlapShare ?? 0);
  if (groups.kind === "shared") evidence += 1.2;
  else if (groups.kind === "audience") evidence -= 1.5;
  if (regimeMismatch) evidence -= 1;
  if (gcmShared.length > 0) evidence += 1.3;
  else if (gcmDisjoint) evidence -= 1.3;
  evidence += 0.45 * Math.min(sharedPartners.length, 2);
  if (budgetRatio !== null && budgetRatio <= 3) evidence += 0.55;
  // structure alone (same country, group, objective, year) is not the same work: wording must meet
  if (Math.max(text.cosine, text.titleCosine) < TEXT_FLOOR) evidence -= 3;
  if (vetoed) evidence -= 6;

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
    titleMismatch,
    regimeMismatch,
    sharedWork: text.sharedConcepts.filter((key) => conceptGroup(key)?.kind === "work"),
  };

  const isDuplicate = score >= threshold && !vetoed;
  if (!isDuplicate && !options.explainAll) return { score, isDuplicate, reasons: [], signals };
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
    case "same-country":
      reasons.push(`both nationwide: ${listOf(place.places)}`);
      break;
    case "same-name":
      reasons.push(`places with the same name, city and region: ${listOf(place.places)}`);
      break;
    case "mentioned":
      reasons.push(`${place.place} is named in the text of the activity in ${place.other}`);
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
    reasons.push(`periods do not overlap: ${formatPeriod(a.period)} vs ${formatPeriod(b.period)}`);
  if (groups.kind === "shared")
    reasons.push(`same target group: ${listOf(groups.groups.map(targetGroupLabel))}`);
  else if (groups.kind === "conflict")
    reasons.push(
      `different target groups: ${listOf(groups.a.map(targetGroupLabel))} vs ${listOf(groups.b.map(targetGroupLabel))}`,
    );
  else if (groups.kind === "audience")
    reasons.push(
      `different audiences: ${listOf(groups.a.map(targetGroupLabel))} vs ${listOf(groups.b.map(targetGroupLabel))}`,
    );
  if (regimeMismatch)
    reasons.push("only one of them is for refugees, asylum seekers or stateless persons");
  if (gcmShared.length > 0)
    reasons.push(`shared GCM objectives: ${listOf(gcmShared.sort((x, y) => x - y).map(gcmLabel))}`);
  if (budgetRatio !== null && a.budget !== null && b.budget !== null && budgetRatio <= 3)
    reasons.push(`similar budget scale: ${formatAmount(a.budget)} and ${formatAmount(b.budget)}`);
  if (workMismatch)
    reasons.push(
      `different kinds of work: ${listOf(labels([...a.titleWork]))} vs ${listOf(labels([...b.titleWork]))}`,
    );
  return { score, isDuplicate, reasons, signals };
}
