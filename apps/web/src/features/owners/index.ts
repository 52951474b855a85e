export { OwnersDialog } from "./owners-dialog";
export { useWorkplanOwners, type WorkplanOwnersHandle } from "./use-workplan-owners";
