import { createOrganisationDirectory } from "./organisations";
import { type ActivityProfile, blockingKeys, buildProfile } from "./profile";
import {
  assessPair,
  isRuledOut,
  measureProfile,
  type PairAssessment,
  type ProfileMeasures,
} from "./score";
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
  const profiles = new Map<string, ActivityProfile>();
  const keysOf = new Map<string, string[]>();
  const postings = new Map<string, Set<string>>();
  const documentFrequency = new Map<string, number>();
  let version = 0;
  const measures = new Map<string, { version: number; value: ProfileMeasures }>();

  const weigh = (feature: string): number => {
    const df = documentFrequency.get(feature) ?? 0;
    return Math.log(1 + (profiles.size + PRIOR_DOCUMENTS) / (df + 1));
  };
  const measuresOf = (profile: ActivityProfile): ProfileMeasures => {
    const cached = measures.get(profile.id);
    if (cached && cached.version === version) return cached.value;
    const value = measureProfile(profile, weigh);
    measures.set(profile.id, { version, value });
    return value;
  };
  const postingCap = () => Math.max(MIN_POSTING_CAP, Math.ceil(profiles.size * POSTING_SHARE_CAP));

  const remove = (id: string): boolean => {
    const profile = profiles.get(id);
    if (!profile) return false;
    for (const feature of profile.features.keys()) {
      const count = (documentFrequency.get(feature) ?? 1) - 1;
      if (count > 0) documentFrequency.set(feature, count);
      else documentFrequency.delete(feature);
    }
    for (const key of keysOf.get(id) ?? []) {
      const posting = postings.get(key);
      posting?.delete(id);
      if (posting?.size === 0) postings.delete(key);
    }
    profiles.delete(id);
    keysOf.delete(id);
    measures.delete(id);
    version++;
    return true;
  };

  const upsert = (activity: DedupeActivity): void => {
    remove(activity.id);
    const profile = buildProfile(activity, directory);
    profiles.set(activity.id, profile);
    for (const feature of profile.features.keys())
      documentFrequency.set(feature, (documentFrequency.get(feature) ?? 0) + 1);
    const keys = blockingKeys(profile);
    keysOf.set(activity.id, keys);
    for (const key of keys) {
      let posting = postings.get(key);
      if (!posting) {
        posting = new Set();
        postings.set(key, posting);
      }
      posting.add(activity.id);
    }
    version++;
  };

  const candidatesOf = (id: string): string[] => {
    const cap = postingCap();
    const shared = new Map<string, number>();
    for (const key of keysOf.get(id) ?? []) {
      const posting = postings.get(key);
      if (!posting || posting.size > cap) continue;
      for (const other of posting)
        if (other !== id) shared.set(other, (shared.get(other) ?? 0) + 1);
    }
    const result: string[] = [];
    for (const [other, count] of shared) if (count >= MIN_SHARED_KEYS) result.push(other);
    return result;
  };

  const assess = (a: ActivityProfile, b: ActivityProfile, explainAll = false): PairAssessment =>
    assessPair(a, b, weigh, {
      threshold: options.threshold,
      measures: { a: measuresOf(a), b: measuresOf(b) },
      explainAll,
    });

  const pairsFor = (id: string): DuplicatePair[] => {
    const profile = profiles.get(id);
    if (!profile) return [];
    const pairs: DuplicatePair[] = [];
    for (const other of candidatesOf(id)) {
      const otherProfile = profiles.get(other);
      if (!otherProfile || isRuledOut(profile, otherProfile)) continue;
      const assessment = assess(profile, otherProfile);
      if (assessment.isDuplicate) pairs.push(toPair(id, other, assessment));
    }
    return sortPairs(pairs);
  };

  return {
    upsert,
    remove,
    has: (id) => profiles.has(id),
    get size() {
      return profiles.size;
    },
    pairsFor,
    allPairs(): DuplicatePair[] {
      const pairs: DuplicatePair[] = [];
      for (const [id, profile] of profiles) {
        for (const other of candidatesOf(id)) {
          if (!(id < other)) continue;
          const otherProfile = profiles.get(other);
          if (!otherProfile || isRuledOut(profile, otherProfile)) continue;
          const assessment = assess(profile, otherProfile);
          if (assessment.isDuplicate) pairs.push(toPair(id, other, assessment));
        }
      }
      return sortPairs(pairs);
    },
    explain(a: string, b: string): PairAssessment | null {
      const first = profiles.get(a);
      const second = profiles.get(b);
      return first && second ? assess(first, second, true) : null;
    },
    candidatesOf,
  };
}
