import type { Editor } from "@tiptap/core";
import { useEditorState } from "@tiptap/react";
import { useT } from "../i18n";
import { runSlashItem, type SlashState, slashKey } from "./slash-command";

/** The menu that "/" opens in an empty line; the editor keeps focus (arrows, Enter, Escape). */
export function SlashMenu({ editor }: { editor: Editor }) {
  const t = useT("editor");
  const view = useEditorState({
    editor,
    selector: ({ editor: e }) => {
      const state: SlashState | undefined = slashKey.getState(e.state);
      if (!state?.active) return null;
      const coords = e.view.coordsAtPos(state.from);
      const { node } = e.view.domAtPos(state.from);
      const line = node instanceof Element ? node : node.parentElement;
      const rtl = line ? getComputedStyle(line).direction === "rtl" : false;
      return { state, rtl, left: coords.left, right: coords.right, top: coords.bottom };
    },
  });
  if (!view) return null;
  const { state } = view;
  if (!state.active) return null;
  const active = state.items[state.index];
  return (
    <div
      className="slash-menu"
      // right to left, the line starts at its right edge: the menu hangs from there
      style={
        view.rtl
          ? { right: document.documentElement.clientWidth - view.right, top: view.top + 6 }
          : { left: view.left, top: view.top + 6 }
      }
      role="listbox"
      aria-label={t("slash.title")}
    >
      <p className="slash-menu-title" aria-hidden="true">
        {t("slash.title")}
      </p>
      <p className="visually-hidden" aria-live="polite">
        {active
          ? t("slash.announce", {
              label: t(`slash.${active.id}.label`),
              position: state.index + 1,
              count: state.items.length,
            })
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
          <span className="slash-item-label">{t(`slash.${item.id}.label`)}</span>
          <span className="slash-item-hint">{t(`slash.${item.id}.hint`)}</span>
        </div>
      ))}
    </div>
  );
}
