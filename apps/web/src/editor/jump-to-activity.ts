import type { Editor } from "@tiptap/core";
import { useCallback } from "react";
import { canChangeDocument } from "./read-only";

/**
 * Scrolls a card to the top of the window and keeps it there while the cards above it, skipped
 * by content-visibility until now, are laid out at their real height.
 */
function landOn(element: HTMLElement): void {
  let frames = 0;
  let steady = 0;
  let last = Number.NaN;
  const settle = () => {
    element.scrollIntoView({ block: "start" });
    const top = element.getBoundingClientRect().top;
    steady = Math.abs(top - last) < 1 ? steady + 1 : 0;
    last = top;
    if (steady < 2 && ++frames < 30) requestAnimationFrame(settle);
  };
  settle();
}

/**
 * Brings an activity's card into view, puts the caret after its title (or focuses the card for
 * readers) and flashes it; false while the card is not in the document or not yet on screen.
 */
export function useJumpToActivity(editor: Editor | null): (activityId: string) => boolean {
  return useCallback(
    (activityId: string): boolean => {
      if (!editor) return false;
      let found: number | null = null;
      editor.state.doc.descendants((node, pos) => {
        if (found !== null) return false;
        if (node.type.name === "activity" && node.attrs.id === activityId) {
          found = pos;
          return false;
        }
        return true;
      });
      const element = editor.view.dom.querySelector<HTMLElement>(
        `[data-activity-id="${CSS.escape(activityId)}"]`,
      );
      if (found === null || !element) return false;
      landOn(element);
      if (canChangeDocument(editor)) {
        const title = editor.state.doc.nodeAt(found + 1);
        editor
          .chain()
          .setTextSelection(found + 2 + (title?.content.size ?? 0))
          .focus(undefined, { scrollIntoView: false })
          .run();
      } else {
        element.focus({ preventScroll: true });
      }
      element.classList.remove("activity-card-flash");
      void element.offsetWidth;
      element.classList.add("activity-card-flash");
      return true;
    },
    [editor],
  );
}
