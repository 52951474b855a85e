import { topicOf } from "./knowledge";
import {
  isSameOrganisation,
  isUnsetName,
  type OrganisationDirectory,
  type OrganisationMention,
} from "./organisations";
import { type Period, parsePeriod } from "./periods";
import { countriesNamedIn, type PlaceSet, parsePlaces } from "./places";
import { packVectors, type SparseVector, type Vocabulary } from "./sparse";
import {
  classifyTargetGroups,
  isAgeGroup,
  isBeneficiaryGroup,
  isProtectionGroup,
} from "./target-groups";
import { type AnalysedText, analyseText, conceptGroup, stripAccents } from "./text";
import type { DedupeActivity } from "./types";
import { gramsOf, skeletonOf, type TextLanguage } from "./words";

/** Everything the scorer needs about one activity, computed once per change. */
export type ActivityProfile = {
  id: string;
  /** The language of its title, null when too short to tell. */
  language: TextLanguage | null;
  /** The language its title is read in: `language`, or the best guess when that is null. */
  readAs: TextLanguage;
  /** Its title's content words as skeletons (`skeletonOf`), space-separated, in order. */
  titleSkeletons: string;
  /** The word-stem feature of each of those words, for how rare it is in the network. */
  titleStems: Int32Array;
  /** Its blocking keys (`hashKey`): what the inverted index files it under. */
  keys: Int32Array;
  /**
   * Its GCM objectives ("o:1") and organisations, lead and partners ("p:iom"), as features: the
   * index counts how many activities share each, so a coincidence counts by how rare it is.
   */
  structure: Int32Array;
  /** The activity as given: its words are read again only to write reasons. */
  activity: DedupeActivity;
  title: string;
  lead: OrganisationMention | null;
  partners: OrganisationMention[];
  gcmObjectives: readonly number[];
  places: PlaceSet;
  /**
   * Countries its title and description name other than those of its locations: where migrants
   * go to or come from ("workers recruited for Canada").
   */
  countriesNamed: readonly string[];
  period: Period | null;
  targetGroups: ReadonlySet<string>;
  budget: number | null;
  /** Words, concept groups and knowledge topics over title, description and target groups. */
  features: SparseVector;
  titleFeatures: SparseVector;
  /** Character 4-grams of the words' skeletons (language-neutral, cognates meet). */
  grams: SparseVector;
  /** Concept groups anywhere in the text. */
  concepts: readonly string[];
  /** Knowledge topics (GCM objectives, DAC sectors) anywhere in the text. */
  topics: readonly string[];
  /** Kinds of work the title names (training, assessment...). */
  titleWork: readonly string[];
  /** Every concept group the title names. */
  titleConcepts: readonly string[];
  /** Acronyms it writes that name no known organisation ("pdo", "rpl"), lower case. */
  acronyms: readonly string[];
  /** First letters of its content words in order ("pre-departure orientation" -> "pdo"). */
  initials: string;
  /** Refugee or statelessness protection is who it is for, and only them. */
  namesProtection: boolean;
  /** Refugee or statelessness protection comes up anywhere in it. */
  mentionsProtection: boolean;
};

const PROTECTION_CONCEPTS = ["asylum", "statelessness"];

// named as who the activity is for, and only them: "refugee and migrant children" names both
function namesProtection(
  title: string,
  groups: ReadonlySet<string>,
  titleConcepts: readonly string[],
): boolean {
  if (/\bmigra|\bmigrant|мигра/i.test(title)) return false;
  const keys = [...groups];
  if (keys.some(isProtectionGroup))
    return keys.every(
      (key) => isProtectionGroup(key) || !isBeneficiaryGroup(key) || isAgeGroup(key),
    );
  return keys.length === 0 && PROTECTION_CONCEPTS.some((key) => titleConcepts.includes(key));
}

/** The feature of a GCM objective, counted per activity like a word. */
export function objectiveKey(objective: number): string {
  return `o:${objective}`;
}

/** The feature of an organisation taking part, as lead or partner. */
export function organisationKey(mention: OrganisationMention): string {
  return `p:${mention.key}`;
}

const TITLE_WEIGHT = 2;
const DESCRIPTION_WEIGHT = 1;
const GROUPS_WEIGHT = 0.75;
const GENERIC_FACTOR = 0.3;
// "training (based on the 2024 mapping)": the clause names an earlier phase, not this work
const REFERENCE_CLAUSE =
  /[\s(,;–—-]+(?:based on|building on|drawing on|following|informed by|bas[ée]e?s? sur|sur la base d|[àa] partir d|con base en|basad[oa]s? en|sobre la base d|a partir d|на основе|по итогам)\b.*$/iu;

function addText(
  target: Map<string, number>,
  grams: Map<string, number> | null,
  text: AnalysedText,
  weight: number,
): void {
  const add = (map: Map<string, number>, key: string, value: number) =>
    map.set(key, (map.get(key) ?? 0) + value);
  for (const token of text.tokens) {
    const factor = token.isGeneric ? GENERIC_FACTOR : 1;
    add(target, `w:${token.stem}`, weight * factor);
    if (grams) for (const gram of gramsOf(token.surface)) add(grams, gram, weight * factor);
  }
  for (const [concept, count] of text.concepts)
    add(target, `c:${concept}`, weight * Math.min(count, 2));
  for (const topic of text.topics.keys()) add(target, `t:${topic}`, weight);
}

function intern(entries: ReadonlyMap<string, number>, vocabulary: Vocabulary): Map<number, number> {
  const ids = new Map<number, number>();
  for (const [key, value] of entries) ids.set(vocabulary.idOf(key), value);
  return ids;
}

/**
 * A blocking key as a 32-bit number (FNV-1a): the index keeps no key strings. Two keys that
 * happen to share a number only make a few more pairs candidates; scoring decides.
 */
export function hashKey(key: string): number {
  let hash = 0x811c9dc5;
  for (let n = 0; n < key.length; n++) {
    hash ^= key.charCodeAt(n);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash | 0;
}

function initialsOf(texts: readonly AnalysedText[]): string {
  return texts
    .flatMap((text) => text.tokens.map((token) => stripAccents(token.surface).charAt(0)))
    .join("");
}

export function buildProfile(
  activity: DedupeActivity,
  directory: OrganisationDirectory,
  vocabulary: Vocabulary,
): ActivityProfile {
  const title = analyseText(activity.title);
  const description = analyseText(activity.description ?? "", title.language);
  const groupsText = analyseText((activity.targetGroups ?? []).join(". "), title.language);
  const features = new Map<string, number>();
  const grams = new Map<string, number>();
  addText(features, grams, title, TITLE_WEIGHT);
  addText(features, grams, description, DESCRIPTION_WEIGHT);
  addText(features, null, groupsText, GROUPS_WEIGHT);
  const titleFeatures = new Map<string, number>();
  addText(titleFeatures, null, title, 1);
  const ownTitle = activity.title.replace(REFERENCE_CLAUSE, "");
  const titleOwn = ownTitle.trim() && ownTitle !== activity.title ? analyseText(ownTitle) : title;
  const titleWork = [...titleOwn.concepts.keys()].filter(
    (concept) => conceptGroup(concept)?.kind === "work",
  );

  const lead = isUnsetName(activity.lead) ? null : directory.mention(activity.lead ?? "");
  const partners: OrganisationMention[] = [];
  for (const name of activity.partners ?? []) {
    if (isUnsetName(name)) continue;
    const mention = directory.mention(name);
    if (lead && isSameOrganisation(lead, mention)) continue;
    if (partners.some((other) => isSameOrganisation(other, mention))) continue;
    partners.push(mention);
  }
  const budget = activity.budget;
  const targetGroups = classifyTargetGroups(activity.targetGroups ?? []);
  const titleConcepts = [...titleOwn.concepts.keys()];
  // the vocabulary's own strings, not a copy per activity
  const concepts = [...features.keys()]
    .filter((key) => key.startsWith("c:"))
    .map((key) => conceptGroup(key.slice(2))?.key ?? key.slice(2));
  const text = `${activity.title} ${activity.description ?? ""}`;
  const acronyms = [
    ...new Set(
      (text.match(/\b[A-Z][A-Za-z]{1,6}\b/g) ?? [])
        .filter((word) => word.replace(/[^A-Z]/g, "").length >= Math.max(2, word.length - 1))
        .filter((word) => word.length >= 3 && !directory.mention(word).isKnown)
        // "SOPs" is SOP; "VoT" leaves out its "of" as initials of content words do
        .map((word) =>
          word
            .replace(/(?<=[A-Z])s$/, "")
            .replace(/[a-z]/g, "")
            .toLowerCase(),
        )
        .filter((letters) => letters.length >= 3),
    ),
  ];
  const indexed = {
    places: parsePlaces(activity.locations ?? []),
    gcmObjectives: [...new Set(activity.gcmObjectives ?? [])],
    topics: [...features.keys()]
      .filter((key) => key.startsWith("t:"))
      .map((key) => topicOf(key.slice(2))?.key ?? key.slice(2)),
    titleConcepts,
  };
  // vectors, title stems and blocking keys in one allocation
  const packed = packVectors(
    [intern(features, vocabulary), intern(titleFeatures, vocabulary), intern(grams, vocabulary)],
    [
      title.tokens.map((token) => vocabulary.idOf(`w:${token.stem}`)),
      blockingKeys(indexed, features, title).map(hashKey),
      [
        ...indexed.gcmObjectives.map((objective) => vocabulary.idOf(objectiveKey(objective))),
        ...new Set(
          [lead, ...partners].flatMap((mention) =>
            mention ? [vocabulary.idOf(organisationKey(mention))] : [],
          ),
        ),
      ],
    ],
  );
  // every property written out: a spread would give each profile an object shape of its own
  return {
    id: activity.id,
    language: title.isLanguageKnown ? title.language : null,
    readAs: title.language,
    titleSkeletons: title.tokens.map((token) => skeletonOf(token.surface) || token.stem).join(" "),
    titleStems: packed.lists[0] as Int32Array,
    keys: packed.lists[1] as Int32Array,
    structure: packed.lists[2] as Int32Array,
    activity,
    title: activity.title.trim(),
    lead,
    partners,
    places: indexed.places,
    countriesNamed: countriesNamedIn(text).filter(
      (code) => !indexed.places.countries.includes(code),
    ),
    gcmObjectives: indexed.gcmObjectives,
    period: parsePeriod(activity.start, activity.end),
    targetGroups,
    budget: typeof budget === "number" && budget > 0 ? budget : null,
    features: packed.vectors[0] as SparseVector,
    titleFeatures: packed.vectors[1] as SparseVector,
    grams: packed.vectors[2] as SparseVector,
    concepts,
    topics: indexed.topics,
    titleWork,
    titleConcepts,
    acronyms,
    initials: initialsOf([title, description]),
    namesProtection: namesProtection(activity.title, targetGroups, titleConcepts),
    mentionsProtection: PROTECTION_CONCEPTS.some((key) => concepts.includes(key)),
  };
}

/**
 * Inverted-index keys: informative words, concepts and topics, plus rarer combinations (a place
 * with a kind of work, subject, topic or objective; adjacent title words; the sound of a title
 * word) so that pairs worded with common words, or in two languages, meet too.
 */
function blockingKeys(
  profile: Pick<ActivityProfile, "places" | "gcmObjectives" | "topics" | "titleConcepts">,
  features: ReadonlyMap<string, number>,
  title: AnalysedText,
): string[] {
  const keys = new Set<string>();
  for (const [key, weight] of features) {
    if (key.startsWith("w:") && weight < 0.9) continue;
    keys.add(key);
  }
  const places = profile.places.specific.map((place) => place.name.split(" ")[0] ?? "");
  for (const code of profile.places.countries)
    if (profile.places.specific.length === 0) places.push(code);
  for (const place of places) {
    keys.add(`pl:${place}`);
    for (const concept of profile.titleConcepts) keys.add(`pc:${place}|${concept}`);
    for (const topic of profile.topics) keys.add(`pt:${place}|${topic}`);
    for (const objective of profile.gcmObjectives) keys.add(`pg:${place}|${objective}`);
  }
  const stems = title.tokens.filter((token) => !token.isGeneric);
  for (let n = 1; n < stems.length; n++) keys.add(`b:${stems[n - 1]?.stem} ${stems[n]?.stem}`);
  for (const token of stems) {
    const skeleton = skeletonOf(token.surface);
    if (skeleton.length >= 5) keys.add(`s:${skeleton.slice(0, 5)}`);
  }
  return [...keys];
}
