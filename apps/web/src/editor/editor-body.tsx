import type { ThreadView } from "@junction/domain";
import { EditorContent } from "@tiptap/react";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { useT } from "../i18n";
import { RemovalToast, useActivityRemoval } from "./activity-removal";
import { selectionTarget, useWorkplanThreads } from "./comments";
import { useJumpToLinkedActivity, useOpenLinkedThread } from "./deep-links";
import { EditorBar } from "./editor-bar";
import { EditorComments, useCommentHighlights } from "./editor-comments";
import { type ActivityActions, createActivityLive, EditorContext } from "./editor-context";
import { EditorPanel } from "./editor-panel";
import type {
  EditorNetworkData,
  EditorPanelTab,
  EditorPermissions,
  EditorUser,
  EditorWorkplan,
  PanelRequest,
} from "./editor-types";
import { useJumpToActivity } from "./jump-to-activity";
import type { PresentUser } from "./presence";
import { ActivitiesPanel, PresenceList } from "./side-panel";
import { SlashMenu } from "./slash-menu";
import { SuggestionLists } from "./suggestion-lists";
import type { SyncSession } from "./sync";
import { TaskFromThread } from "./task-from-thread";
import { useActivities } from "./use-activities";
import { useEditorContextValue } from "./use-editor-context-value";
import { useLiveActivityData } from "./use-live-activity-data";
import { useMembers } from "./use-members";
import { usePanel } from "./use-panel";
import { useStableCallback } from "./use-stable-callback";
import { useWorkplanEditor } from "./use-workplan-editor";

export type EditorBodyProps = {
  document: { session: SyncSession; workplan: EditorWorkplan; status: ReactNode };
  people: { user: EditorUser; present: readonly PresentUser[] };
  permissions: EditorPermissions;
  network: EditorNetworkData;
  panel: { tabs: readonly EditorPanelTab[]; request: PanelRequest | null | undefined };
  callbacks: { onOwnersChanged: () => void };
};

/** The editor once its document is ready: toolbar, document, side panel, toasts and dialogs. */
export function EditorBody({
  document: { session, workplan, status },
  people: { user, present },
  permissions,
  network,
  panel: { tabs, request },
  callbacks,
}: EditorBodyProps) {
  const t = useT("comments");
  const [live] = useState(createActivityLive);
  const [taskFrom, setTaskFrom] = useState<ThreadView | null>(null);
  const activities = useActivities(session.ydoc);
  const comments = useWorkplanThreads(workplan.id);
  const members = useMembers(workplan.networkId);
  const panel = usePanel(request);
  const expandInserted = useCallback((id: string) => live.expanded.set(id, true), [live]);
  const { editor, linkRequest } = useWorkplanEditor({
    session,
    user,
    canEdit: permissions.canEdit,
    onActivityInserted: expandInserted,
    onOpenThread: panel.openThread,
  });
  const threads = comments.threads;
  useCommentHighlights(editor, threads, panel.activeThread);
  useLiveActivityData(live, editor, {
    warnings: network.warnings,
    owners: network.owners,
    threads,
    activities,
  });
  const removal = useActivityRemoval(editor);
  const jumpTo = useJumpToActivity(editor);
  useJumpToLinkedActivity(activities, jumpTo);
  useOpenLinkedThread(panel.openThread);

  const startComment = useCallback(() => {
    if (!editor) return;
    const target = selectionTarget(editor.state);
    if (target) panel.startDraft(target);
  }, [editor, panel.startDraft]);
  const showActivityComments = useStableCallback((activityId: string) => {
    panel.showTab("comments");
    const first = threads.find((t) => t.status === "open" && t.activityId === activityId);
    if (first) panel.setActiveThread(first.id);
  });
  const onOwnersChanged = useStableCallback(() => callbacks.onOwnersChanged());
  const { startDraft } = panel;
  const actions = useMemo<ActivityActions>(
    () => ({
      commentOnActivity: (activityId, title) =>
        startDraft({
          anchor: null,
          activityId,
          label: t("draft.onActivity", { title: title || t("draft.untitled") }),
        }),
      showActivityComments,
      onOwnersChanged,
      removeActivity: removal.remove,
    }),
    [startDraft, showActivityComments, onOwnersChanged, removal.remove, t],
  );
  const context = useEditorContextValue({
    permissions,
    workplan,
    userId: user.id,
    organisations: network.organisations,
    live,
    actions,
  });

  return (
    <EditorContext.Provider value={context}>
      <EditorBar
        editor={editor}
        permissions={permissions}
        linkRequest={linkRequest}
        onComment={startComment}
        status={status}
      />
      <div className="editor-layout">
        <div className="editor-column">
          <div className="editor-paper">
            <EditorContent editor={editor} />
          </div>
          {editor && permissions.canEdit ? <SlashMenu editor={editor} /> : null}
        </div>
        <EditorPanel
          panel={panel}
          tabs={tabs}
          counts={{
            people: present.length,
            activities: activities.length,
            openThreads: threads.filter((t) => t.status === "open").length,
          }}
          jumpTo={jumpTo}
          overview={
            <>
              <PresenceList users={present} />
              <ActivitiesPanel
                activities={activities}
                organisations={network.organisations}
                organisationLabel={context.organisationLabel}
                warnings={network.warnings}
                onJump={jumpTo}
              />
            </>
          }
          comments={
            <EditorComments
              editor={editor}
              comments={comments}
              panel={panel}
              permissions={permissions}
              userId={user.id}
              workplanId={workplan.id}
              members={members}
              activities={activities}
              jumpTo={jumpTo}
              onMakeTask={permissions.canDecide ? setTaskFrom : null}
            />
          }
        />
      </div>
      <RemovalToast removal={removal} />
      {taskFrom ? (
        <TaskFromThread
          thread={taskFrom}
          editor={editor}
          workplan={workplan}
          activities={activities}
          onClose={() => setTaskFrom(null)}
          // the thread lists its tasks: show the new one at once, the server's event confirms it
          onSaved={() => comments.reload()}
        />
      ) : null}
      <SuggestionLists
        ids={context.lists}
        activities={activities}
        networkSuggestions={network.suggestions}
      />
    </EditorContext.Provider>
  );
}
