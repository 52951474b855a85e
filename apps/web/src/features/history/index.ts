export { DiffView } from "./diff-view";
export { HistoryPanel } from "./history-panel";
export { useVersions } from "./use-versions";
