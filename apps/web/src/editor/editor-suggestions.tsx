import type {
  Activity,
  MemberView,
  SuggestionField,
  SuggestionView,
  ThreadView,
} from "@junction/domain";
import type { Editor } from "@tiptap/core";
import { TextSelection } from "@tiptap/pm/state";
import { useEffect, useState } from "react";
import { api } from "../api/client";
import { useT } from "../i18n";
import type { EditorPermissions } from "./editor-types";
import {
  type FieldCurrent,
  type FieldValue,
  SuggestFieldDialog,
  type SuggestionMessage,
  SuggestTextDialog,
} from "./suggest-dialog";
import {
  authorLabel,
  describeSuggestion,
  isOutdated,
  type SuggestionTarget,
  suggestionMarksTransaction,
  suggestionPlace,
  type WorkplanSuggestions,
} from "./suggestions";
import { SuggestionsPanel } from "./suggestions-panel";
import type { PanelState } from "./use-panel";

/** Shows the open suggestions in the text, the active one apart. */
export function useSuggestionMarks(
  editor: Editor | null,
  suggestions: readonly SuggestionView[],
  activeId: string | null,
): void {
  const ts = useT("suggestions");
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const describe = (suggestion: SuggestionView) =>
      ts("marks.title", {
        author: authorLabel(ts, suggestion),
        change: describeSuggestion(ts, suggestion),
      });
    editor.view.dispatch(
      suggestionMarksTransaction(editor.state, { suggestions, activeId, describe }),
    );
  }, [editor, suggestions, activeId, ts]);
}

/** The panel's Suggestions tab, tied to the document: selecting one selects its text. */
export function EditorSuggestions({
  editor,
  suggestions,
  threads,
  panel,
  permissions,
  userId,
  members,
  activities,
  jumpTo,
}: {
  editor: Editor | null;
  suggestions: WorkplanSuggestions;
  threads: readonly ThreadView[];
  panel: PanelState;
  permissions: EditorPermissions;
  userId: string;
  members: readonly MemberView[];
  activities: readonly Activity[];
  jumpTo: (activityId: string) => boolean;
}) {
  const ts = useT("suggestions");
  const select = (suggestion: SuggestionView) => {
    panel.setActiveSuggestion(suggestion.id);
    if (!editor) return;
    const place = suggestion.kind === "text" ? suggestionPlace(editor.state, suggestion) : null;
    if (place) {
      const { state } = editor;
      editor.view.dispatch(
        state.tr
          .setSelection(TextSelection.create(state.doc, place.from, place.to))
          .setMeta("addToHistory", false),
      );
      const { node } = editor.view.domAtPos(place.from);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView({ block: "center" });
    } else if (suggestion.activityId) {
      jumpTo(suggestion.activityId);
    }
  };
  return (
    <SuggestionsPanel
      suggestions={suggestions}
      threadOf={(threadId) => threads.find((t) => t.id === threadId) ?? null}
      isOutdated={(suggestion) => isOutdated(editor?.state ?? null, suggestion)}
      activityTitle={(activityId) =>
        activities.find((a) => a.id === activityId)?.title || ts("dialog.untitled")
      }
      userId={userId}
      canSuggest={permissions.canSuggest}
      canComment={permissions.canComment}
      canRemoveOthers={permissions.canRemoveComments}
      closedNotice={permissions.suggestionsClosed}
      members={members}
      activeId={panel.activeSuggestion}
      onSelect={select}
    />
  );
}

/** What the "Suggest" dialog is open for: text at a selection, or an activity's field. */
export type SuggestRequest =
  | { kind: "text"; target: SuggestionTarget }
  | {
      kind: "field";
      activityId: string;
      field: SuggestionField;
      title: string;
      current: FieldCurrent;
    };

/** The open "Suggest" dialog; posts the suggestion and shows it in the panel. */
export function SuggestDialogs({
  request,
  workplanId,
  onClose,
  onCreated,
}: {
  request: SuggestRequest | null;
  workplanId: string;
  onClose: () => void;
  onCreated: (suggestion: SuggestionView) => void;
}) {
  const [seq, setSeq] = useState(0);
  // a new request is a new form: nothing typed for the last one carries over
  // biome-ignore lint/correctness/useExhaustiveDependencies: the request is the trigger
  useEffect(() => setSeq((n) => n + 1), [request]);
  if (!request) return null;
  const reason = (message: SuggestionMessage) => (message.reason ? { reason: message.reason } : {});
  if (request.kind === "text") {
    const { anchor, activityId } = request.target;
    return (
      <SuggestTextDialog
        key={seq}
        target={request.target}
        onClose={onClose}
        onSubmit={async (text, message) => {
          const created = await api.createSuggestion(workplanId, {
            kind: "text",
            anchor: { start: anchor.start, end: anchor.end },
            quote: anchor.quote,
            text,
            ...(activityId ? { activityId } : {}),
            ...reason(message),
          });
          onCreated(created);
        }}
      />
    );
  }
  return (
    <SuggestFieldDialog
      key={seq}
      field={request.field}
      activityTitle={request.title}
      current={request.current}
      onClose={onClose}
      onSubmit={async (value: FieldValue, message) => {
        const created = await api.createSuggestion(workplanId, {
          kind: "field",
          activityId: request.activityId,
          field: request.field,
          value,
          ...reason(message),
        });
        onCreated(created);
      }}
    />
  );
}
