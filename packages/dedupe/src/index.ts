export { createDedupeIndex, type DedupeIndex, sortPairs } from "./dedupe-index";
export { findDuplicates } from "./find-duplicates";
export { FITTED_MODEL } from "./fitted-model";
export {
  dedupeActivitySchema,
  dedupeInputSchema,
  organisationRecordSchema,
  type ParsedInput,
  parseDedupeInput,
} from "./input";
export { adaptModel, type CoordinatorDecision, type DecidedPair } from "./learning";
export { FEATURE_NAMES, type ScoringModel, scoreFeatures } from "./model";
export {
  createOrganisationDirectory,
  isSameOrganisation,
  normaliseOrganisationName,
  type OrganisationDirectory,
  type OrganisationMention,
  type OrganisationRecord,
} from "./organisations";
export type { PairAssessment, PairSignals, Veto } from "./score";
export type { DedupeActivity, DedupeInput, DedupeOptions, DuplicatePair } from "./types";
