export { ActivityWarnings } from "./activity-warnings";
export { CoordinateTaskDialog } from "./coordinate-task-dialog";
export {
  decideWarning,
  useNetworkWarnings,
  useOpenWarningCount,
  useWorkplanWarnings,
} from "./use-warnings";
export { WarningsPage } from "./warnings-page";
