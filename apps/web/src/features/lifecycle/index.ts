export { describeStage, formatDay, formatLongDate, revisionOfLabel } from "./lifecycle-logic";
export { StageBanner } from "./stage-banner";
export { useLifecycle } from "./use-lifecycle";
export { ValidationPanel } from "./validation-panel";
