export { TaskDialog } from "./task-dialog";
export { countUnfinished, sortTasks, toDay } from "./task-logic";
export {
  DueLabel,
  TaskActivities,
  TaskStatusBadge,
  TaskStatusSelect,
  TaskThreadLink,
  threadPath,
} from "./task-parts";
export { TasksPage } from "./tasks-page";
export { type ActivityRef, assignable, useActivityIndex, useAssignableMembers } from "./use-tasks";
