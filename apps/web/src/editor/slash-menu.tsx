import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { runSlashItem, type SlashState, slashKey } from "./slash-command";

/** The menu that "/" opens in an empty line; the editor keeps focus (arrows, Enter, Escape). */
export function SlashMenu({ editor }: { editor: Editor }) {
  const view = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const state: SlashState | undefined = slashKey.getState(e.state);
      if (!state?.active) return null;
      const coords = e.view.coordsAtPos(state.from);
      return { state, left: coords.left, top: coords.bottom };
    },
  });
  if (!view) return null;
  const { state } = view;
  if (!state.active) return null;
  const active = state.items[state.index];
  return (
    <div
      className="slash-menu"
      style={{ left: view.left, top: view.top + 6 }}
      role="listbox"
      aria-label="Insert"
    >
      <p className="slash-menu-title" aria-hidden="true">
        Insert
      </p>
      <p className="visually-hidden" aria-live="polite">
        {active
          ? `${active.label}, ${state.index + 1} of ${state.items.length}. Enter inserts, Escape closes.`
          : ""}
      </p>
      {state.items.map((item, index) => (
        <div
          key={item.id}
          id={`slash-item-${item.id}`}
          role="option"
          aria-selected={index === state.index}
          tabIndex={-1}
          className={index === state.index ? "slash-item slash-item-active" : "slash-item"}
          onMouseDown={(event) => {
            event.preventDefault();
            runSlashItem(editor, item);
          }}
        >
          <span className="slash-item-label">{item.label}</span>
          <span className="slash-item-hint">{item.hint}</span>
        </div>
      ))}
    </div>
  );
}
