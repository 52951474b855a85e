export { countUnfinished, sortTasks, toDay } from "./task-logic";
export { DueLabel, TaskActivities, TaskStatusSelect } from "./task-parts";
export { TasksPage } from "./tasks-page";
export { useActivityIndex } from "./use-tasks";
