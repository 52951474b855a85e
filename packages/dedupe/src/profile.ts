import {
  isSameOrganisation,
  type OrganisationDirectory,
  type OrganisationMention,
} from "./organisations";
import { type Period, parsePeriod } from "./periods";
import { normalisePlace, type PlaceSet, parsePlaces } from "./places";
import { classifyTargetGroups } from "./target-groups";
import { type AnalysedText, analyseText, conceptGroup } from "./text";
import type { DedupeActivity } from "./types";

/** Everything the scorer needs about one activity, computed once per change. */
export type ActivityProfile = {
  id: string;
  title: string;
  lead: OrganisationMention | null;
  partners: OrganisationMention[];
  gcmObjectives: ReadonlySet<number>;
  places: PlaceSet;
  period: Period | null;
  targetGroups: ReadonlySet<string>;
  budget: number | null;
  /** Feature -> raw weight over title, description and target groups. */
  features: ReadonlyMap<string, number>;
  titleFeatures: ReadonlyMap<string, number>;
  /** Kinds of work the title names (training, assessment...). */
  titleWork: ReadonlySet<string>;
  /** Every concept group the title names. */
  titleConcepts: ReadonlySet<string>;
  /** Informative title stems in order, for phrase keys. */
  titleStems: readonly string[];
  /** Stem -> the word as first written, for reasons. */
  surfaces: ReadonlyMap<string, string>;
  hasDescription: boolean;
  /** Title and description as `normalisePlace` leaves them, padded with spaces. */
  placeText: string;
};

const TITLE_WEIGHT = 2;
const DESCRIPTION_WEIGHT = 1;
const GROUPS_WEIGHT = 0.75;
const CONCEPT_WEIGHT = 1.25;
const PREFIX_WEIGHT = 0.35;
const GENERIC_FACTOR = 0.3;
const PREFIX_LENGTH = 6;
// "training (based on the 2024 mapping)": the clause names an earlier phase, not this work
const REFERENCE_CLAUSE =
  /[\s(,;–—-]+(?:based on|building on|drawing on|following|informed by|bas[ée]e?s? sur|sur la base d|[àa] partir d|con base en|basad[oa]s? en|sobre la base d|a partir d)\b.*$/iu;

function addFeatures(
  target: Map<string, number>,
  text: AnalysedText,
  weight: number,
  surfaces: Map<string, string>,
): void {
  const add = (key: string, value: number) => target.set(key, (target.get(key) ?? 0) + value);
  for (const token of text.tokens) {
    const factor = token.isGeneric ? GENERIC_FACTOR : 1;
    add(`w:${token.stem}`, weight * factor);
    if (!surfaces.has(token.stem)) surfaces.set(token.stem, token.surface);
    const plain = token.surface.normalize("NFD").replace(/\p{M}+/gu, "");
    if (plain.length > PREFIX_LENGTH && !token.isGeneric)
      add(`p:${plain.slice(0, PREFIX_LENGTH)}`, weight * PREFIX_WEIGHT);
  }
  for (const [concept, count] of text.concepts) {
    const generic = concept === "information" ? 0.5 : 1;
    add(`c:${concept}`, weight * CONCEPT_WEIGHT * generic * Math.min(count, 2));
  }
}

export function buildProfile(
  activity: DedupeActivity,
  directory: OrganisationDirectory,
): ActivityProfile {
  const surfaces = new Map<string, string>();
  const title = analyseText(activity.title);
  const description = analyseText(activity.description ?? "", title.language);
  const groupsText = analyseText((activity.targetGroups ?? []).join(". "), title.language);
  const features = new Map<string, number>();
  addFeatures(features, title, TITLE_WEIGHT, surfaces);
  addFeatures(features, description, DESCRIPTION_WEIGHT, surfaces);
  addFeatures(features, groupsText, GROUPS_WEIGHT, surfaces);
  const titleFeatures = new Map<string, number>();
  addFeatures(titleFeatures, title, 1, new Map());
  const ownTitle = activity.title.replace(REFERENCE_CLAUSE, "");
  const titleOwn = ownTitle.trim() && ownTitle !== activity.title ? analyseText(ownTitle) : title;
  const titleWork = new Set<string>();
  for (const concept of titleOwn.concepts.keys())
    if (conceptGroup(concept)?.kind === "work") titleWork.add(concept);

  const lead = activity.lead?.trim() ? directory.mention(activity.lead) : null;
  const partners: OrganisationMention[] = [];
  for (const name of activity.partners ?? []) {
    if (!name.trim()) continue;
    const mention = directory.mention(name);
    if (lead && isSameOrganisation(lead, mention)) continue;
    if (partners.some((other) => isSameOrganisation(other, mention))) continue;
    partners.push(mention);
  }
  const budget = activity.budget;
  return {
    id: activity.id,
    title: activity.title.trim(),
    lead,
    partners,
    gcmObjectives: new Set(activity.gcmObjectives ?? []),
    places: parsePlaces(activity.locations ?? []),
    period: parsePeriod(activity.start, activity.end),
    targetGroups: classifyTargetGroups(activity.targetGroups ?? []),
    budget: typeof budget === "number" && budget > 0 ? budget : null,
    features,
    titleFeatures,
    titleWork,
    titleConcepts: new Set(titleOwn.concepts.keys()),
    titleStems: title.tokens.filter((token) => !token.isGeneric).map((token) => token.stem),
    surfaces,
    hasDescription: description.tokens.length > 0,
    placeText: ` ${normalisePlace(`${activity.title} ${activity.description ?? ""}`)} `,
  };
}

/**
 * Inverted-index keys: informative words and concepts, plus rarer combinations (a place with a
 * kind of work or subject, adjacent title words) so that pairs worded with common words meet too.
 */
export function blockingKeys(profile: ActivityProfile): string[] {
  const keys = new Set<string>();
  for (const [key, weight] of profile.features) {
    if (key.startsWith("p:")) continue;
    if (key.startsWith("w:") && weight < 0.9) continue;
    keys.add(key);
  }
  for (const place of profile.places.specific)
    for (const concept of profile.titleConcepts)
      keys.add(`pc:${place.name.split(" ")[0]}|${concept}`);
  for (let n = 1; n < profile.titleStems.length; n++)
    keys.add(`b:${profile.titleStems[n - 1]} ${profile.titleStems[n]}`);
  return [...keys];
}
