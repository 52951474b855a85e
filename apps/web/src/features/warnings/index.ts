export { ActivityWarnings, ActivityWarningsBrief } from "./activity-warnings";
export { CoordinateTaskDialog } from "./coordinate-task-dialog";
export {
  decideWarning,
  useNetworkWarnings,
  useOpenWarningCount,
  useWorkplanWarnings,
} from "./use-warnings";
export { countOpen } from "./warning-logic";
export { WarningIcon } from "./warning-parts";
export { WarningsPage } from "./warnings-page";
