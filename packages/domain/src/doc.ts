// The parts of the domain that need yjs, apart so pages that do not edit documents stay light.
export {
  ACTIVITY_ATTRIBUTES,
  ACTIVITY_DESCRIPTION_NODE,
  ACTIVITY_NODE,
  ACTIVITY_TITLE_NODE,
  type ActivityAttribute,
  type ActivityAttributes,
  activityElements,
  appendNarrative,
  createActivityElement,
  findActivityElement,
  NARRATIVE_FIELD,
  type NarrativeBlock,
  readActivities,
  readActivityAttributes,
  readActivityElement,
  readActivityStatus,
} from "./activity-doc";
export {
  base64ToBytes,
  bytesToBase64,
  encodeAnchor,
  isEncodedRelativePosition,
  MAX_ANCHOR_END_LENGTH,
  type ResolvedAnchor,
  resolveAnchor,
  type TextAnchor,
} from "./anchors";
export {
  applyKeepingCommitments,
  type CommitmentJudge,
  type CommitmentReview,
  mayChangeCommitments,
  type RemovedActivity,
} from "./commitment-guard";
export {
  type ActivityDiff,
  type ActivityFieldName,
  type DocumentDiff,
  diffActivities,
  diffDocuments,
  diffNarrative,
  type NarrativeDiffOp,
} from "./document-diff";
export { restoreDocument } from "./document-restore";
export { mayAddForeignContent } from "./foreign-content";
export {
  type NarrativeInline,
  type NarrativeNode,
  type NarrativeTableCell,
  type NarrativeText,
  readNarrative,
} from "./narrative-doc";
export {
  type ApplyResult,
  applyFieldSuggestion,
  applyTextSuggestion,
  describeFieldValue,
  encodeSuggestionAnchor,
  type FieldSuggestion,
  isFieldSuggestionOutdated,
  isTextSuggestionOutdated,
  readSuggestionField,
  readSuggestionLead,
  resolveSuggestionRange,
  type SuggestionAnchor,
  type SuggestionRange,
  sameValue,
  type TextSuggestion,
} from "./suggestions";
export { removeForeignContent } from "./xml-content";
export { OwnItems } from "./yjs-items";
