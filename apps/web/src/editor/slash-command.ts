import { type Editor, Extension } from "@tiptap/core";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { canChangeDocument } from "./read-only";

export type SlashItemId = "activity" | "heading" | "bullet-list" | "table";

export type SlashItem = {
  id: SlashItemId;
  /** English search words, found in every language (the menu's words are `slash.<id>.*`). */
  keywords: string;
  run: (editor: Editor, range: { from: number; to: number }) => void;
};

export type SlashCommandOptions = {
  /** An item's name and search words in the interface language, read as the query changes. */
  words: (id: SlashItemId) => string;
};

export const SLASH_ITEMS: readonly SlashItem[] = [
  {
    id: "activity",
    keywords: "activity block task",
    run: (editor, range) => editor.chain().focus().deleteRange(range).insertActivity().run(),
  },
  {
    id: "heading",
    keywords: "heading title section h2",
    run: (editor, range) =>
      editor.chain().focus().deleteRange(range).setNode("heading", { level: 2 }).run(),
  },
  {
    id: "bullet-list",
    keywords: "bullet list unordered ul",
    run: (editor, range) => editor.chain().focus().deleteRange(range).toggleBulletList().run(),
  },
  {
    id: "table",
    keywords: "table grid matrix",
    run: (editor, range) =>
      editor
        .chain()
        .focus()
        .deleteRange(range)
        .insertTable({ rows: 3, cols: 3, withHeaderRow: true })
        .run(),
  },
];

export type SlashState =
  | { active: false; dismissedAt: number | null }
  | {
      active: true;
      from: number;
      to: number;
      query: string;
      items: readonly SlashItem[];
      index: number;
      dismissedAt: null;
    };

type SlashMeta = { type: "move"; delta: number } | { type: "dismiss" } | { type: "close" };

export const slashKey = new PluginKey<SlashState>("slashCommand");

function filterItems(query: string, words: SlashCommandOptions["words"]): readonly SlashItem[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === "") return SLASH_ITEMS;
  return SLASH_ITEMS.filter((item) =>
    `${words(item.id)} ${item.keywords}`.toLocaleLowerCase().includes(q),
  );
}

/** "/" typed at the start of an empty top-level paragraph, with the caret right after it. */
function detect(state: EditorState): { from: number; to: number; query: string } | null {
  const { selection } = state;
  if (!selection.empty) return null;
  const { $from } = selection;
  if ($from.depth !== 1 || $from.parent.type.name !== "paragraph") return null;
  const match = /^\/([\p{L}\p{N} ]{0,24})$/u.exec($from.parent.textContent);
  if (!match || $from.parentOffset !== $from.parent.content.size) return null;
  return { from: $from.start(), to: $from.end(), query: match[1] ?? "" };
}

/** The "/" menu: a plugin that tracks the typed query and the highlighted item; SlashMenu draws it. */
export const SlashCommand = Extension.create<SlashCommandOptions>({
  name: "slashCommand",
  addOptions() {
    return { words: () => "" };
  },
  addProseMirrorPlugins() {
    const editor = this.editor;
    const { words } = this.options;
    const run = (state: SlashState) => {
      if (!state.active) return false;
      const item = state.items[state.index];
      if (!item) return false;
      item.run(editor, { from: state.from, to: state.to });
      return true;
    };
    return [
      new Plugin<SlashState>({
        key: slashKey,
        state: {
          init: () => ({ active: false, dismissedAt: null }),
          apply(tr, previous, _oldState, newState) {
            const meta = tr.getMeta(slashKey) as SlashMeta | undefined;
            const found = canChangeDocument(editor) ? detect(newState) : null;
            if (!found) return { active: false, dismissedAt: null };
            if (meta?.type === "dismiss" || previous.dismissedAt === found.from) {
              return { active: false, dismissedAt: found.from };
            }
            const items = filterItems(found.query, words);
            if (items.length === 0) return { active: false, dismissedAt: null };
            let index = previous.active && previous.query === found.query ? previous.index : 0;
            if (meta?.type === "move") index = (index + meta.delta + items.length) % items.length;
            return { active: true, ...found, items, index, dismissedAt: null };
          },
        },
        props: {
          handleKeyDown(view, event) {
            const state = slashKey.getState(view.state);
            if (!state?.active) return false;
            const move = (delta: number) => {
              view.dispatch(view.state.tr.setMeta(slashKey, { type: "move", delta }));
              return true;
            };
            switch (event.key) {
              case "ArrowDown":
                return move(1);
              case "ArrowUp":
                return move(-1);
              case "Enter":
              case "Tab":
                return run(state);
              case "Escape":
                view.dispatch(view.state.tr.setMeta(slashKey, { type: "dismiss" }));
                return true;
              default:
                return false;
            }
          },
        },
      }),
    ];
  },
});

/** Runs a menu item picked with the mouse. */
export function runSlashItem(editor: Editor, item: SlashItem): void {
  const state = slashKey.getState(editor.state);
  if (!state?.active) return;
  item.run(editor, { from: state.from, to: state.to });
}
