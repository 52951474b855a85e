export {
  type Coverage,
  type CoverageActivity,
  type CoverageCell,
  type CoverageFilters,
  type Crowding,
  computeCoverage,
} from "./coverage";
export { writeCsv } from "./csv";
export { writeDocx } from "./docx";
export {
  contentDisposition,
  EXPORT_CONTENT_TYPES,
  type ExportFormat,
  exportFileName,
  isExportFormat,
  NETWORK_EXPORT_FORMATS,
  WORKPLAN_EXPORT_FORMATS,
} from "./files";
export {
  buildGcmReport,
  type GcmReport,
  type ReportActivity,
  type ReportBudget,
  type ReportObjective,
  type ReportOrganisation,
} from "./gcm-report";
export { writeGcmReportDocx } from "./gcm-report-docx";
export {
  GCM_VOCABULARY_URI,
  type IatiExport,
  type IatiNotice,
  type IatiSkipped,
  writeIati,
} from "./iati";
export { iatiCodelist, iatiCountryCode, isIatiCode } from "./iati-codes";
export {
  type IatiSettings,
  type IatiSettingsIssue,
  iatiSettingsSchema,
  parseIatiSettings,
  sectorLabel,
} from "./iati-settings";
export { writeMarkdown } from "./markdown";
export type {
  ExportInput,
  ExportNetwork,
  ExportOrganisation,
  ExportVersion,
  ExportWorkplan,
} from "./model";
export { ACTIVITY_COLUMNS, type ActivityColumn, type ActivityRow, activityRows } from "./rows";
export { createWords, type Words, wordsOf } from "./wording";
export {
  ENGLISH_WORDING,
  type ExportWording,
  WORDING_KEYS,
  type WordingKey,
} from "./wording-en";
export { TRANSLATED_WORDING } from "./wording-locales";
export { writeXlsx } from "./xlsx";
