// The IATI settings check alone, for a server's own thread: the writers (docx above all) stay
// out of it and load only where exports run (a worker thread).
export { iatiCodelist, isIatiCode } from "./iati-codes";
export {
  type IatiSettings,
  type IatiSettingsIssue,
  iatiSettingsSchema,
  parseIatiSettings,
} from "./iati-settings";
