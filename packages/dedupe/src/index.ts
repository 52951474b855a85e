export { createDedupeIndex, type DedupeIndex, sortPairs } from "./dedupe-index";
export { findDuplicates } from "./find-duplicates";
export {
  dedupeActivitySchema,
  dedupeInputSchema,
  organisationRecordSchema,
  type ParsedInput,
  parseDedupeInput,
} from "./input";
export {
  createOrganisationDirectory,
  isSameOrganisation,
  normaliseOrganisationName,
  type OrganisationDirectory,
  type OrganisationMention,
  type OrganisationRecord,
} from "./organisations";
export type { PairAssessment, PairSignals } from "./score";
export type { DedupeActivity, DedupeInput, DedupeOptions, DuplicatePair } from "./types";
