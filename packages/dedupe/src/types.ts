import type { ScoringModel } from "./model";
import type { OrganisationRecord } from "./organisations";

/** One activity as the engine reads it; every field but `id` and `title` may be left out. */
export type DedupeActivity = {
  id: string;
  title: string;
  description?: string | null | undefined;
  /** Organisation name or acronym. */
  lead?: string | null | undefined;
  partners?: readonly string[] | null | undefined;
  gcmObjectives?: readonly number[] | null | undefined;
  locations?: readonly string[] | null | undefined;
  targetGroups?: readonly string[] | null | undefined;
  /** `YYYY-MM`. */
  start?: string | null | undefined;
  /** `YYYY-MM`. */
  end?: string | null | undefined;
  budget?: number | null | undefined;
};

/** A pair judged a likely duplicate, `a` < `b`, with reasons a person can check. */
export type DuplicatePair = {
  a: string;
  b: string;
  score: number;
  reasons: string[];
};

export type DedupeOptions = {
  /** The network's organisation records, so names and acronyms resolve to one body. */
  organisations?: readonly OrganisationRecord[] | undefined;
  /** Pairs scoring at least this are duplicates; the fitted model's threshold unless set. */
  threshold?: number | undefined;
  /** Another scoring model than the fitted one (fitting, evaluating). */
  model?: ScoringModel | undefined;
};

export type DedupeInput = DedupeOptions & {
  activities: readonly DedupeActivity[];
};
