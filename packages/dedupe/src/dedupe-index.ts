import { FITTED_MODEL } from "./fitted-model";
import { adaptModel, type CoordinatorDecision, type DecidedPair } from "./learning";
import type { ScoringModel } from "./model";
import { createOrganisationDirectory } from "./organisations";
import type { PlaceRelation } from "./places";
import { type ActivityProfile, buildProfile } from "./profile";
import {
  assessPair,
  measureProfile,
  type PairAssessment,
  type ProfileMeasures,
  placesUnlessRuledOut,
} from "./score";
import { createVocabulary } from "./sparse";
import type { DedupeActivity, DedupeOptions, DuplicatePair } from "./types";

/** Pseudo-documents that keep weights sane in a network of a handful of activities. */
const PRIOR_DOCUMENTS = 10;
/** A feature shared by more activities than this says little about any pair of them. */
const MIN_POSTING_CAP = 100;
const POSTING_SHARE_CAP = 0.05;
/** Shared informative features a pair needs before it is scored at all. */
const MIN_SHARED_KEYS = 2;

export type DedupeIndex = {
  /** Adds or replaces an activity; only its own candidates need scoring afterwards. */
  upsert: (activity: DedupeActivity) => void;
  remove: (id: string) => boolean;
  has: (id: string) => boolean;
  readonly size: number;
  /** Duplicates of one activity, scored now against its candidates only. */
  pairsFor: (id: string) => DuplicatePair[];
  /** Every duplicate pair in the network. */
  allPairs: () => DuplicatePair[];
  /** Scores any two activities, candidates or not, with every signal; null if one is unknown. */
  explain: (a: string, b: string) => PairAssessment | null;
  /** Ids the blocking step would score against this one. */
  candidatesOf: (id: string) => string[];
  /**
   * The network's coordinators' decisions so far: the scoring model moves towards them, within
   * bounds. Pairs whose activities are not in the index are left out. Replaces earlier decisions.
   */
  learn: (decisions: readonly CoordinatorDecision[]) => void;
  /** The model scoring this network now: the fitted one, adjusted by `learn`. */
  readonly model: ScoringModel;
};

type Entry = {
  profile: ActivityProfile;
  measures: ProfileMeasures | null;
  measuredAt: number;
};

function toPair(a: string, b: string, assessment: PairAssessment): DuplicatePair {
  const [first, second] = a < b ? [a, b] : [b, a];
  return { a: first, b: second, score: assessment.score, reasons: assessment.reasons };
}

export function sortPairs(pairs: DuplicatePair[]): DuplicatePair[] {
  return pairs.sort(
    (x, y) =>
      y.score - x.score || (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0),
  );
}

export function createDedupeIndex(options: DedupeOptions = {}): DedupeIndex {
  const directory = createOrganisationDirectory(options.organisations ?? []);
  const baseModel: ScoringModel =
    options.threshold === undefined
      ? (options.model ?? FITTED_MODEL)
      : { ...(options.model ?? FITTED_MODEL), threshold: options.threshold };
  let model = baseModel;
  const vocabulary = createVocabulary();
  const entries = new Map<string, Entry>();
  const postings = new Map<number, string[]>();
  let documentFrequency = new Int32Array(1024);
  let version = 0;

  const count = (id: number, delta: number) => {
    if (id >= documentFrequency.length) {
      const grown = new Int32Array(Math.max(id + 1, documentFrequency.length * 2));
      grown.set(documentFrequency);
      documentFrequency = grown;
    }
    documentFrequency[id] = (documentFrequency[id] ?? 0) + delta;
  };
  const countFeatures = (profile: ActivityProfile, delta: number) => {
    for (const vector of [profile.features, profile.grams])
      for (let at = vector.start; at < vector.end; at++) count(vector.ids[at] ?? 0, delta);
    for (const id of profile.structure) count(id, delta);
  };
  const weigh = (feature: number): number =>
    Math.log(1 + (entries.size + PRIOR_DOCUMENTS) / ((documentFrequency[feature] ?? 0) + 1));
  const measuresOf = (entry: Entry): ProfileMeasures => {
    if (entry.measures && entry.measuredAt === version) return entry.measures;
    entry.measures = measureProfile(entry.profile, weigh);
    entry.measuredAt = version;
    return entry.measures;
  };
  const postingCap = () => Math.max(MIN_POSTING_CAP, Math.ceil(entries.size * POSTING_SHARE_CAP));

  const remove = (id: string): boolean => {
    const entry = entries.get(id);
    if (!entry) return false;
    countFeatures(entry.profile, -1);
    for (const key of entry.profile.keys) {
      const posting = postings.get(key);
      if (!posting) continue;
      const at = posting.indexOf(id);
      if (at >= 0) {
        posting[at] = posting[posting.length - 1] ?? id;
        posting.pop();
      }
      if (posting.length === 0) postings.delete(key);
    }
    entries.delete(id);
    version++;
    return true;
  };

  const upsert = (activity: DedupeActivity): void => {
    remove(activity.id);
    const profile = buildProfile(activity, directory, vocabulary);
    entries.set(activity.id, { profile, measures: null, measuredAt: -1 });
    countFeatures(profile, 1);
    for (const key of profile.keys) {
      const posting = postings.get(key);
      if (posting) posting.push(activity.id);
      else postings.set(key, [activity.id]);
    }
    version++;
  };

  const candidatesOf = (id: string): string[] => {
    const cap = postingCap();
    const shared = new Map<string, number>();
    for (const key of entries.get(id)?.profile.keys ?? []) {
      const posting = postings.get(key);
      if (!posting || posting.length > cap) continue;
      for (const other of posting)
        if (other !== id) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    const result: string[] = [];
    for (const [other, count] of shared) if (count >= MIN_SHARED_KEYS) result.push(other);
    return result;
  };

  const assess = (a: Entry, b: Entry, explainAll = false, place?: PlaceRelation): PairAssessment =>
    assessPair(a.profile, b.profile, {
      weigh,
      vocabulary,
      measures: { a: measuresOf(a), b: measuresOf(b) },
      model,
      explainAll,
      place,
    });

  const scoreCandidates = (id: string, onlyAfter: boolean): DuplicatePair[] => {
    const entry = entries.get(id);
    if (!entry) return [];
    const pairs: DuplicatePair[] = [];
    for (const other of candidatesOf(id)) {
      if (onlyAfter && !(id < other)) continue;
      const otherEntry = entries.get(other);
      if (!otherEntry) continue;
      const place = placesUnlessRuledOut(entry.profile, otherEntry.profile);
      if (!place) continue;
      const assessment = assess(entry, otherEntry, false, place);
      if (assessment.isDuplicate) pairs.push(toPair(id, other, assessment));
    }
    return pairs;
  };

  return {
    upsert,
    remove,
    has: (id) => entries.has(id),
    get size() {
      return entries.size;
    },
    pairsFor: (id) => sortPairs(scoreCandidates(id, false)),
    allPairs(): DuplicatePair[] {
      const pairs: DuplicatePair[] = [];
      for (const id of entries.keys()) pairs.push(...scoreCandidates(id, true));
      return sortPairs(pairs);
    },
    explain(a: string, b: string): PairAssessment | null {
      const first = entries.get(a);
      const second = entries.get(b);
      return first && second ? assess(first, second, true) : null;
    },
    candidatesOf,
    learn(decisions) {
      model = baseModel;
      const decided: DecidedPair[] = [];
      for (const decision of decisions) {
        const first = entries.get(decision.a);
        const second = entries.get(decision.b);
        if (!first || !second) continue;
        decided.push({
          features: assess(first, second, false).signals.features,
          isDuplicate: decision.verdict === "duplicate",
        });
      }
      model = adaptModel(baseModel, decided);
    },
    get model() {
      return model;
    },
  };
}
