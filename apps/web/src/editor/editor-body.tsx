import type { Budget, SuggestionField, ThreadView } from "@junction/domain";
import { EditorContent } from "@tiptap/react";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { RemovalToast, useActivityRemoval } from "./activity-removal";
import { selectionTarget, useWorkplanThreads } from "./comments";
import { useJumpToLinkedActivity, useOpenLinkedThread } from "./deep-links";
import { EditorBar } from "./editor-bar";
import { EditorComments, useCommentHighlights } from "./editor-comments";
import { type ActivityActions, createActivityLive, EditorContext } from "./editor-context";
import { EditorPanel } from "./editor-panel";
import {
  EditorSuggestions,
  SuggestDialogs,
  type SuggestRequest,
  useSuggestionMarks,
} from "./editor-suggestions";
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
import { suggestionTarget, useEditingMode, useWorkplanSuggestions } from "./suggestions";
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
  const [live] = useState(createActivityLive);
  const [taskFrom, setTaskFrom] = useState<ThreadView | null>(null);
  const [suggestRequest, setSuggestRequest] = useState<SuggestRequest | null>(null);
  const suggestOpener = useRef<HTMLElement | null>(null);
  const openSuggest = useCallback((next: SuggestRequest) => {
    const active = document.activeElement;
    suggestOpener.current = active instanceof HTMLElement ? active : null;
    setSuggestRequest(next);
  }, []);
  // once the dialog is gone, focus goes back where it was: the text, or the field's button
  useEffect(() => {
    if (suggestRequest !== null) return;
    suggestOpener.current?.focus();
    suggestOpener.current = null;
  }, [suggestRequest]);
  const [mode, setMode] = useEditingMode(workplan.id);
  // suggesting, an editor's document is read-only as a commenter's: Suggest is the way to change it
  const suggesting = permissions.canEdit && permissions.canSuggest && mode === "suggesting";
  const effective = useMemo(
    () => (suggesting ? { ...permissions, canEdit: false } : permissions),
    [suggesting, permissions],
  );
  const activities = useActivities(session.ydoc);
  const comments = useWorkplanThreads(workplan.id);
  const suggestions = useWorkplanSuggestions(workplan.id);
  const members = useMembers(workplan.networkId);
  const panel = usePanel(request);
  const expandInserted = useCallback((id: string) => live.expanded.set(id, true), [live]);
  const { editor, linkRequest } = useWorkplanEditor({
    session,
    user,
    canEdit: effective.canEdit,
    onActivityInserted: expandInserted,
    onOpenThread: panel.openThread,
    onOpenSuggestion: panel.openSuggestion,
  });
  // a suggestion's reason and replies are its own thread, shown with it: the server leaves
  // those threads out of the list, and this keeps out one fetched alone after a reply
  const suggestionThreadIds = useMemo(
    () =>
      new Set(
        [...suggestions.open, ...suggestions.decided.items].map(
          (suggestion) => suggestion.threadId,
        ),
      ),
    [suggestions.open, suggestions.decided.items],
  );
  const allThreads = comments.threads;
  const threads = useMemo(
    () => allThreads.filter((thread) => !suggestionThreadIds.has(thread.id)),
    [allThreads, suggestionThreadIds],
  );
  useCommentHighlights(editor, threads, panel.activeThread);
  useSuggestionMarks(editor, suggestions.open, panel.activeSuggestion);
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
  const startSuggestion = useCallback(() => {
    if (!editor) return;
    const target = suggestionTarget(editor.state);
    if (target) openSuggest({ kind: "text", target });
  }, [editor, openSuggest]);
  const suggestField = useStableCallback(
    (
      activityId: string,
      field: SuggestionField,
      current: { title: string; budget: Budget | null; month: string | null },
    ) =>
      openSuggest({
        kind: "field",
        activityId,
        field,
        title: current.title,
        current: { budget: current.budget, month: current.month },
      }),
  );
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
        startDraft({ anchor: null, activityId, label: `On activity “${title || "Untitled"}”` }),
      showActivityComments,
      onOwnersChanged,
      suggestField,
      removeActivity: removal.remove,
    }),
    [startDraft, showActivityComments, onOwnersChanged, suggestField, removal.remove],
  );
  const context = useEditorContextValue({
    permissions: effective,
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
        mode={mode}
        linkRequest={linkRequest}
        onComment={startComment}
        onSuggest={startSuggestion}
        onModeChange={setMode}
        status={status}
      />
      <div className="editor-layout">
        <div className="editor-column">
          <div className="editor-paper">
            <EditorContent editor={editor} />
          </div>
          {editor && effective.canEdit ? <SlashMenu editor={editor} /> : null}
        </div>
        <EditorPanel
          panel={panel}
          tabs={tabs}
          counts={{
            people: present.length,
            activities: activities.length,
            openThreads: threads.filter((t) => t.status === "open").length,
            openSuggestions: suggestions.open.length,
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
              comments={{ ...comments, threads }}
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
          suggestions={
            <EditorSuggestions
              editor={editor}
              suggestions={suggestions}
              threads={allThreads}
              panel={panel}
              permissions={permissions}
              userId={user.id}
              members={members}
              activities={activities}
              jumpTo={jumpTo}
            />
          }
        />
      </div>
      <RemovalToast removal={removal} />
      <SuggestDialogs
        request={suggestRequest}
        workplanId={workplan.id}
        onClose={() => setSuggestRequest(null)}
        onCreated={(created) => {
          suggestions.reload();
          comments.reload();
          panel.openSuggestion(created.id);
        }}
      />
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
