import { colorForUser } from "@junction/domain";
import { NARRATIVE_FIELD } from "@junction/domain/doc";
import { type Editor, Extension } from "@tiptap/core";
import Collaboration from "@tiptap/extension-collaboration";
import CollaborationCaret from "@tiptap/extension-collaboration-caret";
import { TableKit } from "@tiptap/extension-table";
import { useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { useEffect, useRef, useState } from "react";
import { type Translate, useT } from "../i18n";
import { ActivityIds } from "./activity-ids";
import { ActivityDescription, ActivityNode, ActivityTitle, OwnDirection } from "./activity-nodes";
import { CommentHighlights } from "./comments";
import type { EditorUser } from "./editor-types";
import { LOCALE_META, Placeholders } from "./placeholders";
import { textColorOn } from "./presence";
import { ReactSelectionOptOut } from "./react-selection";
import { canChangeDocument, ReadOnlyDocument, setReadOnly } from "./read-only";
import { SlashCommand } from "./slash-command";
import { SuggestionMarks } from "./suggestions";
import type { SyncSession } from "./sync";

type Options = {
  session: SyncSession;
  user: EditorUser;
  canEdit: boolean;
  /** Told the id of each activity this person inserts; must keep its identity. */
  onActivityInserted: (activityId: string) => void;
  /** Called when a comment highlight in the text is clicked; must keep its identity. */
  onOpenThread: (threadId: string) => void;
  /** Called when a suggestion in the text is clicked; must keep its identity. */
  onOpenSuggestion: (suggestionId: string) => void;
};

function caretElement(user: Record<string, unknown>, someone: string): HTMLElement {
  const color = typeof user.color === "string" ? user.color : "#5d6571";
  const name = typeof user.name === "string" ? user.name : someone;
  const organisation = typeof user.organisation === "string" ? user.organisation : "";
  const caret = document.createElement("span");
  caret.classList.add("collaboration-carets__caret");
  caret.style.borderColor = color;
  caret.setAttribute("aria-hidden", "true");
  const label = document.createElement("span");
  label.classList.add("collaboration-carets__label");
  label.style.backgroundColor = color;
  label.style.color = textColorOn(color);
  label.textContent = organisation ? `${name} · ${organisation}` : name;
  label.dir = "auto";
  caret.append(label);
  return caret;
}

/**
 * The Tiptap editor bound to the session's document, built once per session; read-only follows
 * `canEdit` live. `linkRequest` counts Mod-K presses, for the toolbar's link field.
 */
export function useWorkplanEditor({
  session,
  user,
  canEdit,
  onActivityInserted,
  onOpenThread,
  onOpenSuggestion,
}: Options): { editor: Editor | null; linkRequest: number } {
  const [linkRequest, setLinkRequest] = useState(0);
  // the editor is built once per session: its extensions read the words of the language in use
  const t = useT("editor");
  const translate = useRef<Translate<"editor">>(t);
  translate.current = t;
  const editor = useEditor(
    {
      // readers too: they place a caret and select; ReadOnlyDocument keeps the text unchanged
      editable: true,
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      editorProps: {
        attributes: () => ({
          class: "editor-document",
          role: "textbox",
          "aria-multiline": "true",
          "aria-label": translate.current("document.label"),
          spellcheck: "true",
        }),
      },
      extensions: [
        StarterKit.configure({
          undoRedo: false,
          // a trailing paragraph added by every client at once would pile up as empty lines
          trailingNode: false,
          heading: { levels: [1, 2, 3] },
          code: false,
          codeBlock: false,
          link: { openOnClick: false, autolink: true, defaultProtocol: "https" },
        }),
        TableKit.configure({ table: { resizable: false } }),
        Collaboration.configure({ document: session.ydoc, field: NARRATIVE_FIELD }),
        CollaborationCaret.configure({
          provider: session.provider,
          // the server stamps the authenticated identity and the same colour over this, so you
          // see yourself as others see you
          user: { ...user, color: colorForUser(user.id) },
          render: (caretUser) => caretElement(caretUser, translate.current("document.someone")),
        }),
        // the person who inserts an activity fills it in: its card opens with its form
        ActivityNode.configure({ onInsert: onActivityInserted }),
        ActivityTitle,
        ActivityDescription,
        OwnDirection,
        ActivityIds,
        CommentHighlights.configure({ onOpen: onOpenThread }),
        SuggestionMarks.configure({ onOpen: onOpenSuggestion }),
        SlashCommand.configure({
          words: (id) =>
            `${translate.current(`slash.${id}.label`)} ${translate.current(`slash.${id}.keywords`)}`,
        }),
        Placeholders.configure({
          texts: () => ({
            title: translate.current("document.titlePlaceholder"),
            description: translate.current("document.descriptionPlaceholder"),
            emptyLine: translate.current("document.emptyLinePlaceholder"),
          }),
        }),
        ReadOnlyDocument.configure({ readOnly: !canEdit }),
        ReactSelectionOptOut,
        Extension.create({
          name: "linkShortcut",
          addKeyboardShortcuts: () => ({
            "Mod-k": ({ editor: e }) => {
              if (!canChangeDocument(e)) return false;
              setLinkRequest((n) => n + 1);
              return true;
            },
          }),
        }),
      ],
    },
    [session],
  );

  useEffect(() => {
    if (!editor) return;
    setReadOnly(editor, !canEdit);
  }, [editor, canEdit]);

  // another language chosen: redraw the hints and the document's label in it
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    editor.view.dispatch(
      editor.state.tr.setMeta("addToHistory", false).setMeta(LOCALE_META, t.locale),
    );
  }, [editor, t]);

  return { editor, linkRequest };
}
