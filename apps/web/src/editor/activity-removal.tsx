import type { Editor } from "@tiptap/core";
import { yUndoPluginKey } from "@tiptap/y-tiptap";
import { useEffect, useState } from "react";
import * as Y from "yjs";
import { useT } from "../i18n";
import { canChangeDocument } from "./read-only";
import { useStableCallback } from "./use-stable-callback";

type Removed = { title: string; undoDepth: number };

export type ActivityRemoval = {
  /** The activity just removed, while its removal is the last thing this person can undo. */
  removed: Removed | null;
  /** Removes the block at `pos` for everyone; keeps its identity for the editor's lifetime. */
  remove: (pos: number, title: string) => void;
  undo: () => void;
  dismiss: () => void;
};

// y-tiptap's undo plugin state is untyped upstream: its UndoManager, when the plugin is there
function undoManagerOf(editor: Editor): Y.UndoManager | null {
  const state: unknown = yUndoPluginKey.getState(editor.state);
  if (typeof state !== "object" || state === null || !("undoManager" in state)) return null;
  return state.undoManager instanceof Y.UndoManager ? state.undoManager : null;
}

/** Removing an activity as one undo step, and the offer to undo it. */
export function useActivityRemoval(editor: Editor | null): ActivityRemoval {
  const [removed, setRemoved] = useState<Removed | null>(null);

  // the undo toast stays while the removal is the last thing this person can undo
  useEffect(() => {
    if (!editor || !removed) return;
    const undoManager = undoManagerOf(editor);
    if (!undoManager) return;
    const check = () => {
      if (undoManager.undoStack.length !== removed.undoDepth) setRemoved(null);
    };
    undoManager.on("stack-item-added", check);
    undoManager.on("stack-item-popped", check);
    return () => {
      undoManager.off("stack-item-added", check);
      undoManager.off("stack-item-popped", check);
    };
  }, [editor, removed]);

  const remove = useStableCallback((pos: number, title: string) => {
    if (!editor || !canChangeDocument(editor)) return;
    const node = editor.state.doc.nodeAt(pos);
    if (node?.type.name !== "activity") return;
    const undoManager = undoManagerOf(editor);
    // the removal is one step of its own: undo brings back the activity, and only it
    undoManager?.stopCapturing();
    // the caret stays where the activity was, so Ctrl+Z right after undoes it
    editor
      .chain()
      .deleteRange({ from: pos, to: pos + node.nodeSize })
      .focus(Math.min(pos, editor.state.doc.content.size - node.nodeSize), {
        scrollIntoView: false,
      })
      .run();
    undoManager?.stopCapturing();
    setRemoved({ title, undoDepth: undoManager?.undoStack.length ?? 0 });
  });
  const undo = () => {
    setRemoved(null);
    editor?.chain().focus().undo().run();
  };
  const dismiss = () => setRemoved(null);
  return { removed, remove, undo, dismiss };
}

export function RemovalToast({ removal }: { removal: ActivityRemoval }) {
  const t = useT("editor");
  const tc = useT("common");
  const { removed } = removal;
  return (
    <div className="editor-toast-region" role="status" aria-live="polite">
      {removed ? (
        <div className="editor-toast">
          <span>
            {t.rich("removal.done", {
              title: <bdi>{removed.title || t("activity.untitled")}</bdi>,
            })}
          </span>
          <button
            type="button"
            className="button button-secondary button-small"
            onClick={removal.undo}
          >
            {t("removal.undo")}
          </button>
          <button
            type="button"
            className="button button-ghost button-small"
            aria-label={tc("dismiss")}
            onClick={removal.dismiss}
          >
            <span aria-hidden="true">×</span>
          </button>
        </div>
      ) : null}
    </div>
  );
}
