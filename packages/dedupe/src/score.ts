import { GCM_OBJECTIVES } from "@junction/domain";
import { FITTED_MODEL } from "./fitted-model";
import { namesTopic, topicOf } from "./knowledge";
import { FEATURE_NAMES, type ScoringModel, scoreFeatures } from "./model";
import { isSameOrganisation } from "./organisations";
import { formatPeriod, gapBetween, monthsIn, overlapOf } from "./periods";
import { countryLabel, type PlaceRelation, placeTextFor, relatePlaces } from "./places";
import { type ActivityProfile, objectiveKey, organisationKey } from "./profile";
import { FEATURE_KINDS, forShared, type SparseVector, type Vocabulary, weightAt } from "./sparse";
import { relateTargetGroups, targetGroupLabel } from "./target-groups";
import { analyseText, conceptGroup, stripAccents, type Token } from "./text";

/** Inverse document frequency of a feature (by id) in the current network. */
export type Weigher = (feature: number) => number;

export type TextSimilarity = {
  cosine: number;
  titleCosine: number;
  /** Cosine of the character n-grams: wording that meets across languages and spellings. */
  gramCosine: number;
  /** How much of the shorter entry the longer one covers. */
  containment: number;
  sharedConcepts: string[];
  /** Shared concept groups over the concept groups of the entry that has fewer. */
  conceptOverlap: number;
  sharedTopics: string[];
  /** Shared knowledge topics over the topics of the entry that has fewer. */
  topicOverlap: number;
};

export type PairSignals = TextSimilarity & {
  /**
   * How well each title's words find a word of the other that starts the same way (a cognate,
   * "informare" / "information", "мигрантов" / "migrants"), weighted by how rare they are.
   */
  titleAlign: number;
  text: number;
  /** An acronym of one ("PDO") is spelled out in the other ("pre-departure orientation"). */
  acronymSpelled: string | null;
  /** The titles are written in different languages: words cannot meet, only their sounds. */
  languagesDiffer: boolean;
  sameLead: boolean;
  /** Activities whose lead is not set: 0, 1 or 2. */
  leadsMissing: number;
  sharedPartners: string[];
  /** The shared partners' rarity in the network (idf), the two rarest summed. */
  partnersRarity: number;
  place: PlaceRelation["kind"];
  /** Countries both texts name beyond their own locations (where migrants go or come from). */
  corridorShared: string[];
  /** Both texts name such countries, and none in common: another migration corridor. */
  corridorDiffers: boolean;
  periodGap: number | null;
  overlapShare: number | null;
  targetGroups: ReturnType<typeof relateTargetGroups>["kind"];
  gcmShared: number[];
  /** The rarest shared objective's rarity in the network (idf): 0 when none is shared. */
  gcmRarity: number;
  gcmDisjoint: boolean;
  budgetRatio: number | null;
  workMismatch: boolean;
  /** A kind of work one title names appears nowhere in the other activity. */
  workAbsent: boolean;
  titleMismatch: boolean;
  /**
   * Both titles name work or a subject of one family, and different ones: a survey module
   * against a migration profile, HIV against tuberculosis.
   */
  kindDiffers: string[];
  /** A subject one title names (health, remittances) appears nowhere in the other activity. */
  subjectAbsent: boolean;
  /** Refugee or statelessness protection named by one side and nowhere in the other. */
  regimeMismatch: boolean;
  sharedWork: string[];
  /** What rules the pair out whatever its wording, if anything. */
  veto: Veto | null;
  /** The signals as the model reads them, in `FEATURE_NAMES` order. */
  features: number[];
};

export type Veto = "same-lead" | "no-lead" | "place" | "period" | "target-groups";

export type PairAssessment = {
  score: number;
  isDuplicate: boolean;
  reasons: string[];
  signals: PairSignals;
};

const AUDIENCE_CONCEPTS = new Set(["return", "labour", "children", "youth", "women"]);
const TEXT_SMOOTHING = 0.02;

/** Per-activity sums under the current weights; the index caches them between changes. */
export type ProfileMeasures = { norm: number; titleNorm: number; gramNorm: number; mass: number };

function vectorValue(raw: number, feature: number, weigh: Weigher): number {
  return Math.log1p(raw) * weigh(feature);
}

function normOf(vector: SparseVector, weigh: Weigher): number {
  let sum = 0;
  for (let n = vector.start; n < vector.end; n++) {
    const value = vectorValue(weightAt(vector, n), vector.ids[n] ?? 0, weigh);
    sum += value * value;
  }
  return Math.sqrt(sum);
}

export function measureProfile(profile: ActivityProfile, weigh: Weigher): ProfileMeasures {
  let mass = 0;
  const vector = profile.features;
  for (let n = vector.start; n < vector.end; n++)
    mass += vectorValue(weightAt(vector, n), vector.ids[n] ?? 0, weigh);
  return {
    norm: normOf(profile.features, weigh),
    titleNorm: normOf(profile.titleFeatures, weigh),
    gramNorm: normOf(profile.grams, weigh),
    mass,
  };
}

function cosineOf(
  a: SparseVector,
  b: SparseVector,
  normA: number,
  normB: number,
  weigh: Weigher,
): number {
  if (normA === 0 || normB === 0) return 0;
  let dot = 0;
  forShared(a, b, (id, valueA, valueB) => {
    dot += vectorValue(valueA, id, weigh) * vectorValue(valueB, id, weigh);
  });
  return dot / (normA * normB);
}

export function compareText(
  a: ActivityProfile,
  b: ActivityProfile,
  weigh: Weigher,
  vocabulary: Vocabulary,
  measures: { a: ProfileMeasures; b: ProfileMeasures },
): TextSimilarity {
  let dot = 0;
  let sharedMass = 0;
  const sharedConcepts: string[] = [];
  const sharedTopics: string[] = [];
  forShared(a.features, b.features, (id, rawA, rawB) => {
    const valueA = vectorValue(rawA, id, weigh);
    const valueB = vectorValue(rawB, id, weigh);
    dot += valueA * valueB;
    sharedMass += Math.min(valueA, valueB);
    const kind = vocabulary.kindOf(id);
    if (kind === FEATURE_KINDS.concept) sharedConcepts.push(vocabulary.keyOf(id).slice(2));
    else if (kind === FEATURE_KINDS.topic) sharedTopics.push(vocabulary.keyOf(id).slice(2));
  });
  const cosine =
    measures.a.norm > 0 && measures.b.norm > 0 ? dot / (measures.a.norm * measures.b.norm) : 0;
  const smallMass = Math.min(measures.a.mass, measures.b.mass);
  const fewerConcepts = Math.min(a.concepts.length, b.concepts.length);
  const fewerTopics = Math.min(a.topics.length, b.topics.length);
  return {
    cosine,
    titleCosine: cosineOf(
      a.titleFeatures,
      b.titleFeatures,
      measures.a.titleNorm,
      measures.b.titleNorm,
      weigh,
    ),
    gramCosine: cosineOf(a.grams, b.grams, measures.a.gramNorm, measures.b.gramNorm, weigh),
    containment: smallMass > 0 ? Math.min(1, sharedMass / smallMass) : 0,
    sharedConcepts,
    conceptOverlap: fewerConcepts > 0 ? sharedConcepts.length / fewerConcepts : 0,
    sharedTopics,
    topicOverlap: fewerTopics > 0 ? sharedTopics.length / fewerTopics : 0,
  };
}

/** Shortest common beginning for two different words to count as cognates. */
const COGNATE_PREFIX = 4;
/** How alike two words of different languages must be for a reason to name them. */
const COGNATE_REASON = 0.6;

function wordLikeness(x: string, y: string): number {
  if (x === y) return 1;
  const shorter = Math.min(x.length, y.length);
  let common = 0;
  while (common < shorter && x.charCodeAt(common) === y.charCodeAt(common)) common++;
  return common < COGNATE_PREFIX ? 0 : (2 * common) / (x.length + y.length);
}

function alignOneWay(
  from: ActivityProfile,
  fromWords: readonly string[],
  toWords: readonly string[],
  weigh: Weigher,
): number {
  let matched = 0;
  let total = 0;
  for (let n = 0; n < fromWords.length; n++) {
    const weight = weigh(from.titleStems[n] ?? 0);
    let best = 0;
    for (const other of toWords) best = Math.max(best, wordLikeness(fromWords[n] ?? "", other));
    matched += weight * best;
    total += weight;
  }
  return total > 0 ? matched / total : 0;
}

/** Title words of two languages that look alike ("informare" / "information"), for reasons. */
function cognatesOf(a: ActivityProfile, b: ActivityProfile): string[] {
  const wordsA = analyseText(a.activity.title).tokens;
  const wordsB = analyseText(b.activity.title).tokens;
  const skeletonsA = a.titleSkeletons.split(" ");
  const skeletonsB = b.titleSkeletons.split(" ");
  const found: string[] = [];
  for (const [n, word] of wordsA.entries()) {
    let best = { likeness: 0, other: "" };
    for (const [m, other] of wordsB.entries()) {
      const likeness = wordLikeness(skeletonsA[n] ?? "", skeletonsB[m] ?? "");
      if (likeness > best.likeness) best = { likeness, other: other.surface };
    }
    if (best.likeness >= COGNATE_REASON && stripAccents(best.other) !== stripAccents(word.surface))
      found.push(`"${word.surface}" / "${best.other}"`);
  }
  return found;
}

/** Both titles' words matched to the other's, each by its best cognate, averaged both ways. */
export function alignTitles(a: ActivityProfile, b: ActivityProfile, weigh: Weigher): number {
  const wordsA = a.titleSkeletons.split(" ");
  const wordsB = b.titleSkeletons.split(" ");
  if (a.titleStems.length === 0 || b.titleStems.length === 0) return 0;
  return (alignOneWay(a, wordsA, wordsB, weigh) + alignOneWay(b, wordsB, wordsA, weigh)) / 2;
}

/** Families (`ConceptGroup.family`) in which the two titles name different members only. */
function differingFamilies(a: ActivityProfile, b: ActivityProfile): string[] {
  const membersOf = (profile: ActivityProfile) => {
    const members = new Map<string, string[]>();
    for (const key of profile.titleConcepts) {
      const family = conceptGroup(key)?.family;
      if (family) members.set(family, [...(members.get(family) ?? []), key]);
    }
    return members;
  };
  const ofA = membersOf(a);
  const ofB = membersOf(b);
  const differing: string[] = [];
  for (const [family, keys] of ofA) {
    const other = ofB.get(family);
    if (other && !keys.some((key) => other.includes(key))) differing.push(family);
  }
  return differing;
}

/** Subjects the title of `named` names, other than who is served, none of them in `other`. */
function absentSubjects(named: ActivityProfile, other: ActivityProfile): string[] {
  if (other.concepts.length === 0) return [];
  return named.titleConcepts.filter(
    (key) =>
      conceptGroup(key)?.kind === "subject" &&
      !AUDIENCE_CONCEPTS.has(key) &&
      !other.concepts.includes(key),
  );
}

function subjectAbsentFrom(named: ActivityProfile, other: ActivityProfile): boolean {
  const subjects = named.titleConcepts.filter(
    (key) => conceptGroup(key)?.kind === "subject" && !AUDIENCE_CONCEPTS.has(key),
  );
  return subjects.length > 0 && absentSubjects(named, other).length === subjects.length;
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

function placeTextOf(profile: ActivityProfile): string {
  return ` ${placeTextFor(`${profile.activity.title} ${profile.activity.description ?? ""}`)} `;
}

function relate(a: ActivityProfile, b: ActivityProfile): PlaceRelation {
  const relation = relatePlaces(a.places, b.places);
  // only places apart on the lists need the texts: one may name the other's town
  if (relation.kind !== "different") return relation;
  return relatePlaces(a.places, b.places, { a: placeTextOf(a), b: placeTextOf(b) });
}

function sameLeadOf(a: ActivityProfile, b: ActivityProfile): boolean {
  return a.lead !== null && b.lead !== null && isSameOrganisation(a.lead, b.lead);
}

/**
 * Cheap checks that rule a pair out whatever its wording (same or no leads, other places or
 * years): null if ruled out, else how the places relate, for `assessPair`.
 */
export function placesUnlessRuledOut(a: ActivityProfile, b: ActivityProfile): PlaceRelation | null {
  if (a.lead === null && b.lead === null) return null;
  if (sameLeadOf(a, b)) return null;
  if (a.period !== null && b.period !== null && overlapOf(a.period, b.period) === null) return null;
  const place = relate(a, b);
  return place.kind === "different" || place.kind === "other-country" ? null : place;
}

/** Shared word stems of two profiles, most telling first. */
function sharedStemsOf(a: ActivityProfile, b: ActivityProfile, options: AssessOptions): string[] {
  const shared: Array<{ stem: string; value: number }> = [];
  forShared(a.features, b.features, (id, rawA, rawB) => {
    if (options.vocabulary.kindOf(id) !== FEATURE_KINDS.word) return;
    shared.push({
      stem: options.vocabulary.keyOf(id).slice(2),
      value: vectorValue(rawA, id, options.weigh) * vectorValue(rawB, id, options.weigh),
    });
  });
  return shared.sort((x, y) => y.value - x.value).map((entry) => entry.stem);
}

function logTextOf(signals: TextSimilarity): number {
  return Math.log(
    TEXT_SMOOTHING + Math.max(signals.cosine, signals.titleCosine, signals.gramCosine),
  );
}

/** The signals of a pair in the order the model reads them. */
export function featuresOf(signals: Omit<PairSignals, "features" | "veto">): number[] {
  const values: Record<(typeof FEATURE_NAMES)[number], number> = {
    cosine: signals.cosine,
    containment: signals.containment,
    titleCosine: signals.titleCosine,
    gramCosine: signals.gramCosine,
    gramAcross: signals.languagesDiffer ? signals.gramCosine : 0,
    titleAlign: signals.titleAlign,
    alignAcross: signals.languagesDiffer ? signals.titleAlign : 0,
    acronymSpelled: signals.acronymSpelled === null ? 0 : 1,
    conceptOverlap: signals.conceptOverlap,
    topicOverlap: signals.topicOverlap,
    logText: logTextOf(signals),
    // little wording in common says more when both are written in one language
    logTextSame: signals.languagesDiffer ? 0 : logTextOf(signals),
    sharedWork: signals.sharedWork.length > 0 ? 1 : 0,
    workAbsent: signals.workAbsent ? 1 : 0,
    subjectAbsent: signals.subjectAbsent ? 1 : 0,
    workMismatch: signals.workMismatch ? 1 : 0,
    titleMismatch: signals.titleMismatch ? 1 : 0,
    kindDiffers: signals.kindDiffers.length > 0 ? 1 : 0,
    placeSame: signals.place === "same" || signals.place === "same-name" ? 1 : 0,
    placeMentioned: signals.place === "mentioned" ? 1 : 0,
    placeSameCountry: signals.place === "same-country" ? 1 : 0,
    placeCovers: signals.place === "covers" ? 1 : 0,
    corridorShared: signals.corridorShared.length > 0 ? 1 : 0,
    corridorDiffers: signals.corridorDiffers ? 1 : 0,
    overlapShare: signals.overlapShare ?? 0,
    periodUnknown: signals.periodGap === null ? 1 : 0,
    groupsShared: signals.targetGroups === "shared" ? 1 : 0,
    gcmRarity: signals.gcmRarity,
    gcmDisjoint: signals.gcmDisjoint ? 1 : 0,
    partnersRarity: signals.partnersRarity,
    budgetLogRatio: signals.budgetRatio === null ? 0 : Math.log(signals.budgetRatio),
    budgetUnknown: signals.budgetRatio === null ? 1 : 0,
  };
  return FEATURE_NAMES.map((name) => values[name]);
}

// read again only for a pair that gets reasons: keeping them would cost memory per activity
function tokensOf(profile: ActivityProfile): Token[] {
  const title = analyseText(profile.activity.title);
  return [
    ...title.tokens,
    ...analyseText(profile.activity.description ?? "", title.language).tokens,
  ];
}

function surfacesOf(tokens: readonly Token[]): Map<string, string> {
  const surfaces = new Map<string, string>();
  for (const token of tokens)
    if (!surfaces.has(token.stem)) surfaces.set(token.stem, token.surface);
  return surfaces;
}

export type AssessOptions = {
  weigh: Weigher;
  vocabulary: Vocabulary;
  measures: { a: ProfileMeasures; b: ProfileMeasures };
  model?: ScoringModel | undefined;
  /** How the places relate, when the caller has worked it out already. */
  place?: PlaceRelation | undefined;
  /** Write reasons for pairs below the threshold too (explaining, evaluating). */
  explainAll?: boolean;
};

/** Scores one pair: 0..1, whether it passes the threshold, and the reasons behind it. */
export function assessPair(
  a: ActivityProfile,
  b: ActivityProfile,
  options: AssessOptions,
): PairAssessment {
  const model = options.model ?? FITTED_MODEL;
  const text = compareText(a, b, options.weigh, options.vocabulary, options.measures);
  const sameLead = sameLeadOf(a, b);
  const leadsMissing = (a.lead === null ? 1 : 0) + (b.lead === null ? 1 : 0);
  const sharedPartners: string[] = [];
  const partnerRarities: number[] = [];
  for (const partner of a.partners) {
    const other = b.partners.find((candidate) => isSameOrganisation(partner, candidate));
    if (!other) continue;
    sharedPartners.push(partner.label);
    const rarity = (mention: typeof partner) =>
      options.weigh(options.vocabulary.idOf(organisationKey(mention)));
    partnerRarities.push((rarity(partner) + rarity(other)) / 2);
  }
  const partnersRarity = partnerRarities
    .sort((x, y) => y - x)
    .slice(0, 2)
    .reduce((sum, value) => sum + value, 0);
  const place = options.place ?? relate(a, b);
  const overlap = a.period && b.period ? overlapOf(a.period, b.period) : null;
  const periodGap = a.period && b.period ? gapBetween(a.period, b.period) : null;
  const overlapShare =
    overlap && a.period && b.period
      ? monthsIn(overlap) / Math.min(monthsIn(a.period), monthsIn(b.period))
      : null;
  const groups = relateTargetGroups(a.targetGroups, b.targetGroups);
  const gcmShared = a.gcmObjectives.filter((objective) => b.gcmObjectives.includes(objective));
  let gcmRarity = 0;
  for (const objective of gcmShared)
    gcmRarity = Math.max(
      gcmRarity,
      options.weigh(options.vocabulary.idOf(objectiveKey(objective))),
    );
  const gcmDisjoint =
    a.gcmObjectives.length > 0 && b.gcmObjectives.length > 0 && gcmShared.length === 0;
  const budgetRatio =
    a.budget !== null && b.budget !== null
      ? Math.max(a.budget, b.budget) / Math.min(a.budget, b.budget)
      : null;
  const sharedWorkInTitles = a.titleWork.filter((work) => b.titleWork.includes(work));
  const workMismatch =
    a.titleWork.length > 0 && b.titleWork.length > 0 && sharedWorkInTitles.length === 0;
  // titles that name only who is served in common ("returnees") but different work or subjects
  const titleMismatch =
    a.titleConcepts.length > 0 &&
    b.titleConcepts.length > 0 &&
    !a.titleConcepts.some((key) => b.titleConcepts.includes(key) && !AUDIENCE_CONCEPTS.has(key));
  // only a side the engine can read may be said not to mention protection
  const other = a.namesProtection ? b : a;
  const regimeMismatch =
    a.namesProtection !== b.namesProtection &&
    !other.mentionsProtection &&
    (other.language !== null || other.concepts.length > 0);
  const corridorShared = a.countriesNamed.filter((code) => b.countriesNamed.includes(code));
  const sharedWork = text.sharedConcepts.filter((key) => conceptGroup(key)?.kind === "work");

  const veto: Veto | null = sameLead
    ? "same-lead"
    : leadsMissing === 2
      ? "no-lead"
      : place.kind === "different" || place.kind === "other-country"
        ? "place"
        : a.period !== null && b.period !== null && overlap === null
          ? "period"
          : groups.kind === "conflict" || groups.kind === "audience" || regimeMismatch
            ? "target-groups"
            : null;
  const partial = {
    ...text,
    text: Math.max(text.cosine, 0.5 * text.cosine + 0.5 * text.containment),
    acronymSpelled:
      a.acronyms.find((acronym) => b.initials.includes(acronym) && !b.acronyms.includes(acronym)) ??
      b.acronyms.find((acronym) => a.initials.includes(acronym) && !a.acronyms.includes(acronym)) ??
      null,
    // one title read for sure in a language the other is not written in
    languagesDiffer: (a.language !== null || b.language !== null) && a.readAs !== b.readAs,
    titleAlign: alignTitles(a, b, options.weigh),
    sameLead,
    leadsMissing,
    sharedPartners,
    partnersRarity,
    place: place.kind,
    corridorShared,
    corridorDiffers:
      corridorShared.length === 0 && a.countriesNamed.length > 0 && b.countriesNamed.length > 0,
    periodGap,
    overlapShare,
    targetGroups: groups.kind,
    gcmShared,
    gcmRarity,
    gcmDisjoint,
    budgetRatio,
    workMismatch,
    // only against a side whose words the vocabulary could read at all
    workAbsent:
      (a.titleWork.length > 0 &&
        b.concepts.length > 0 &&
        !a.titleWork.some((work) => b.concepts.includes(work))) ||
      (b.titleWork.length > 0 &&
        a.concepts.length > 0 &&
        !b.titleWork.some((work) => a.concepts.includes(work))),
    titleMismatch,
    kindDiffers: differingFamilies(a, b),
    subjectAbsent: subjectAbsentFrom(a, b) || subjectAbsentFrom(b, a),
    regimeMismatch,
    sharedWork,
  };
  const features = featuresOf(partial);
  const signals: PairSignals = { ...partial, veto, features };
  const score = Math.round(scoreFeatures(model, features) * 1000) / 1000;
  const bar = leadsMissing === 1 ? model.strongThreshold : model.threshold;
  const isDuplicate = score >= bar && veto === null;
  if (!isDuplicate && !options.explainAll) return { score, isDuplicate, reasons: [], signals };
  const words = sharedStemsOf(a, b, options);
  return { score, isDuplicate, reasons: reasonsFor(a, b, signals, words, place, overlap), signals };
}

function reasonsFor(
  a: ActivityProfile,
  b: ActivityProfile,
  signals: PairSignals,
  sharedStems: readonly string[],
  place: PlaceRelation,
  overlap: ReturnType<typeof overlapOf>,
): string[] {
  const reasons: string[] = [];
  const work = signals.sharedWork;
  const subjects = signals.sharedConcepts.filter((key) => conceptGroup(key)?.kind === "subject");
  const labels = (keys: readonly string[]) => keys.map((key) => conceptGroup(key)?.label ?? key);
  if (work.length > 0 || subjects.length > 0) {
    const what = work.length > 0 ? `both plan ${listOf(labels(work.slice(0, 2)))}` : "both work";
    const about = subjects.length > 0 ? ` on ${listOf(labels(subjects.slice(0, 3)))}` : "";
    reasons.push(`${what}${about}`);
  }
  const tokensA = tokensOf(a);
  const tokensB = tokensOf(b);
  const topics = signals.sharedTopics
    .filter((key) => namesTopic(tokensA, key) && namesTopic(tokensB, key))
    .map((key) => topicOf(key)?.label)
    .filter((label): label is string => label !== undefined);
  if (topics.length > 0) reasons.push(`both worded about ${listOf(topics.slice(0, 2))}`);
  if (signals.acronymSpelled)
    reasons.push(`"${signals.acronymSpelled.toUpperCase()}" in one is spelled out in the other`);
  if (signals.languagesDiffer) {
    const cognates = cognatesOf(a, b);
    if (cognates.length > 0)
      reasons.push(`titles in two languages with words alike: ${listOf(cognates.slice(0, 3))}`);
  }
  const surfaces = surfacesOf(tokensA);
  const words = sharedStems.slice(0, 5).map((stem) => `"${surfaces.get(stem) ?? stem}"`);
  const textScore = Math.max(signals.text, signals.gramCosine);
  reasons.push(
    `similar wording (${Math.round(textScore * 100)}%)${words.length > 0 ? `: ${words.join(", ")}` : ""}`,
  );
  if (a.lead && b.lead)
    reasons.push(
      signals.sameLead
        ? `same lead organisation: ${a.lead.label}${a.lead.label === b.lead.label ? "" : ` / ${b.lead.label}`}`
        : `different lead organisations: ${a.lead.label} and ${b.lead.label}`,
    );
  else if (a.lead || b.lead) {
    const [without, other] = a.lead ? [b, a] : [a, b];
    reasons.push(
      `lead not set for "${without.title}"; the other is led by ${other.lead?.label ?? ""}`,
    );
  } else reasons.push("lead not set for either activity");
  if (signals.sharedPartners.length > 0)
    reasons.push(`shared partners: ${listOf(signals.sharedPartners)}`);
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
    case "other-country":
      reasons.push(`different countries: ${listOf(place.a)} vs ${listOf(place.b)}`);
      break;
    case "unknown":
      break;
  }
  if (signals.corridorDiffers)
    reasons.push(
      `other countries named: ${listOf(a.countriesNamed.map(countryLabel))} vs ${listOf(b.countriesNamed.map(countryLabel))}`,
    );
  if (overlap) reasons.push(`periods overlap: ${formatPeriod(overlap)}`);
  else if (a.period && b.period)
    reasons.push(`periods do not overlap: ${formatPeriod(a.period)} vs ${formatPeriod(b.period)}`);
  const groups = relateTargetGroups(a.targetGroups, b.targetGroups);
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
  if (signals.regimeMismatch)
    reasons.push("only one of them is for refugees, asylum seekers or stateless persons");
  if (signals.gcmShared.length > 0)
    reasons.push(
      `shared GCM objectives: ${listOf([...signals.gcmShared].sort((x, y) => x - y).map(gcmLabel))}`,
    );
  if (
    signals.budgetRatio !== null &&
    a.budget !== null &&
    b.budget !== null &&
    signals.budgetRatio <= 3
  )
    reasons.push(`similar budget scale: ${formatAmount(a.budget)} and ${formatAmount(b.budget)}`);
  if (signals.workAbsent && !signals.workMismatch) {
    const [named, other] =
      b.concepts.length > 0 && a.titleWork.some((work) => !b.concepts.includes(work))
        ? [a, b]
        : [b, a];
    const missing = named.titleWork.filter((work) => !other.concepts.includes(work));
    // "a survey" says what "an assessment or study" would say again
    const finer = missing.some((work) => conceptGroup(work)?.family === "data");
    if (finer && missing.includes("assessment")) missing.splice(missing.indexOf("assessment"), 1);
    reasons.push(`${listOf(labels(missing))} in "${named.title}" is not part of the other`);
  }
  for (const family of signals.kindDiffers) {
    const named = (profile: ActivityProfile) =>
      labels(profile.titleConcepts.filter((key) => conceptGroup(key)?.family === family));
    reasons.push(
      `different ${family === "health" ? "health subjects" : "kinds of data work"}: ` +
        `${listOf(named(a))} vs ${listOf(named(b))}`,
    );
  }
  if (signals.workMismatch)
    reasons.push(
      `different kinds of work: ${listOf(labels(a.titleWork))} vs ${listOf(labels(b.titleWork))}`,
    );
  return reasons;
}
