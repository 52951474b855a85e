import type { Activity, ThreadView } from "@junction/domain";
import type { Editor } from "@tiptap/core";
import { type ActivityRef, TaskDialog } from "../features/tasks";
import { taskTitleFromThread, threadActivityId } from "./comments";
import type { EditorWorkplan } from "./editor-types";

/** The coordinator's "Make a task" from a comment thread: the task dialog, prefilled. */
export function TaskFromThread({
  thread,
  editor,
  workplan,
  activities,
  onClose,
  onSaved,
}: {
  thread: ThreadView;
  editor: Editor | null;
  workplan: EditorWorkplan;
  activities: readonly Activity[];
  onClose: () => void;
  onSaved: () => void;
}) {
  const taskActivities: ActivityRef[] = activities.map((activity) => ({
    workplanId: workplan.id,
    workplanTitle: workplan.title,
    activityId: activity.id,
    title: activity.title,
  }));
  const activityId = editor ? threadActivityId(editor.state, thread) : thread.activityId;
  return (
    <TaskDialog
      networkId={workplan.networkId}
      task={null}
      open
      activities={taskActivities}
      prefill={{
        title: taskTitleFromThread(thread),
        activityIds: activityId ? [activityId] : [],
        fromThreadId: thread.id,
      }}
      onClose={onClose}
      onSaved={onSaved}
    />
  );
}
