import { type Editor, Extension } from "@tiptap/core";
import { type EditorState, Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { ySyncPluginKey } from "@tiptap/y-tiptap";

const readOnlyKey = new PluginKey<boolean>("readOnlyDocument");

/** Changes that come from Yjs (the server, this device's copy): a reader's view must follow them. */
function isFromYjs(tr: Transaction): boolean {
  const sync = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined;
  return sync?.isChangeOrigin === true;
}

export function isReadOnly(state: EditorState): boolean {
  return readOnlyKey.getState(state) === true;
}

/** Whether this person may change the document here (editable, and not a read-only role or plan). */
export function canChangeDocument(editor: Editor): boolean {
  return editor.isEditable && !isReadOnly(editor.state);
}

/** A transaction that marks the document read-only or writable. */
export function markReadOnly(tr: Transaction, readOnly: boolean): Transaction {
  return tr.setMeta(readOnlyKey, readOnly);
}

/** Marks the document read-only or writable (the role or the workplan's freeze changed). */
export function setReadOnly(editor: Editor, readOnly: boolean): void {
  if (editor.isDestroyed || isReadOnly(editor.state) === readOnly) return;
  editor.view.dispatch(markReadOnly(editor.state.tr, readOnly));
}

/**
 * A reader's document stays a live editing surface, so the caret, Tab and Shift+Arrow work as in
 * any text (Tiptap's `editable: false` turns contenteditable off and keyboard selection with it),
 * but no local change to the document is ever applied: ProseMirror drops every transaction that
 * changes it unless Yjs brought it in, so y-tiptap has nothing to write to the Y.Doc, and the
 * browser's own edits (typing, deleting, pasting, dropping, formatting) are cancelled before they
 * touch the page. The server refuses a reader's updates as well.
 */
export const ReadOnlyDocument = Extension.create<{ readOnly: boolean }>({
  name: "readOnlyDocument",
  // before the keymaps and input rules, so a reader's keys never reach them
  priority: 1000,

  addOptions() {
    return { readOnly: false };
  },

  addProseMirrorPlugins() {
    return [readOnlyPlugin(this.options.readOnly)];
  },
});

/** The plugin behind ReadOnlyDocument, on its own for tests. */
export function readOnlyPlugin(initial: boolean): Plugin<boolean> {
  return new Plugin<boolean>({
    key: readOnlyKey,
    state: {
      init: () => initial,
      apply: (tr, readOnly) => {
        const next = tr.getMeta(readOnlyKey) as boolean | undefined;
        return next ?? readOnly;
      },
    },
    filterTransaction: (tr, state) => {
      if (!tr.docChanged || !isReadOnly(state)) return true;
      return isFromYjs(tr);
    },
    props: {
      attributes: (state): Record<string, string> =>
        isReadOnly(state) ? { "aria-readonly": "true" } : { "aria-readonly": "false" },
      handleTextInput: (view) => isReadOnly(view.state),
      handlePaste: (view) => isReadOnly(view.state),
      handleDrop: (view) => isReadOnly(view.state),
      handleDOMEvents: {
        beforeinput: (view, event) => {
          if (!isReadOnly(view.state)) return false;
          event.preventDefault();
          return true;
        },
        keydown: (view, event) => {
          // Tab leaves the document as it leaves any read-only text (lists would indent)
          return isReadOnly(view.state) && event.key === "Tab";
        },
      },
    },
  });
}
