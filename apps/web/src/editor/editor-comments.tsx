import type { Activity, MemberView, ThreadView } from "@junction/domain";
import type { Editor } from "@tiptap/core";
import { useEffect } from "react";
import { api } from "../api/client";
import {
  type CommentTarget,
  highlightMetaTransaction,
  isDetached,
  threadRange,
  type useWorkplanThreads,
} from "./comments";
import { CommentsPanel } from "./comments-panel";
import type { EditorPermissions } from "./editor-types";
import type { PanelState } from "./use-panel";

type WorkplanThreads = ReturnType<typeof useWorkplanThreads>;

/** Marks the threads' passages in the text, the active one apart. */
export function useCommentHighlights(
  editor: Editor | null,
  threads: readonly ThreadView[],
  activeId: string | null,
): void {
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(highlightMetaTransaction(editor.state, { threads, activeId }));
  }, [editor, threads, activeId]);
}

/** The panel's Comments tab, tied to the document: selecting a thread shows its passage. */
export function EditorComments({
  editor,
  comments,
  panel,
  permissions,
  userId,
  workplanId,
  members,
  activities,
  jumpTo,
  onMakeTask,
}: {
  editor: Editor | null;
  comments: WorkplanThreads;
  panel: PanelState;
  permissions: EditorPermissions;
  userId: string;
  workplanId: string;
  members: readonly MemberView[];
  activities: readonly Activity[];
  jumpTo: (activityId: string) => boolean;
  onMakeTask: ((thread: ThreadView) => void) | null;
}) {
  const selectThread = (thread: ThreadView) => {
    panel.setActiveThread(thread.id);
    if (!editor) return;
    const range = threadRange(editor.state, thread);
    if (range) {
      const { node } = editor.view.domAtPos(range.from);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView({ block: "center" });
    } else if (thread.activityId) {
      jumpTo(thread.activityId);
    }
  };

  const createThread = async (
    target: CommentTarget,
    message: { body: string; mentions: string[] },
  ) => {
    const thread = await api.createThread(workplanId, {
      ...(target.anchor ? { anchor: { start: target.anchor.start, end: target.anchor.end } } : {}),
      ...(target.activityId ? { activityId: target.activityId } : {}),
      quote: target.anchor?.quote ?? "",
      ...message,
    });
    panel.cancelDraft();
    panel.setActiveThread(thread.id);
    comments.reload();
  };

  return (
    <CommentsPanel
      threads={comments.threads}
      error={comments.error}
      userId={userId}
      canComment={permissions.canComment}
      canModerate={permissions.canModerate}
      canRemoveOthers={permissions.canRemoveComments}
      closedNotice={permissions.commentsClosed}
      members={members}
      draft={panel.draft}
      activeId={panel.activeThread}
      isDetached={(thread) => (editor ? isDetached(editor.state, thread) : false)}
      activityTitle={(activityId) => activities.find((a) => a.id === activityId)?.title || null}
      onCreate={createThread}
      onCancelDraft={panel.cancelDraft}
      onSelect={selectThread}
      onChanged={comments.reload}
      onMakeTask={onMakeTask}
    />
  );
}
