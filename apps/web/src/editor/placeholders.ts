import { ACTIVITY_DESCRIPTION_NODE, ACTIVITY_TITLE_NODE } from "@junction/domain/doc";
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { canChangeDocument } from "./read-only";

export type PlaceholderTexts = { title: string; description: string; emptyLine: string };

export type PlaceholdersOptions = {
  /** The hints in the interface language, read at each redraw. */
  texts: () => PlaceholderTexts;
};

/** Grey hints in empty activity titles and descriptions, and "Type / …" in the empty line being edited. */
export const Placeholders = Extension.create<PlaceholdersOptions>({
  name: "junctionPlaceholders",
  addOptions() {
    return { texts: () => ({ title: "", description: "", emptyLine: "" }) };
  },
  addProseMirrorPlugins() {
    const editor = this.editor;
    const { texts } = this.options;
    return [
      new Plugin({
        key: new PluginKey("junctionPlaceholders"),
        props: {
          decorations(state) {
            const decorations: Decoration[] = [];
            const text = texts();
            const { $from, empty } = state.selection;
            state.doc.descendants((node, pos, parent) => {
              if (node.type.name === ACTIVITY_TITLE_NODE && node.content.size === 0) {
                decorations.push(
                  Decoration.node(pos, pos + node.nodeSize, {
                    class: "is-empty",
                    "data-placeholder": text.title,
                  }),
                );
              }
              if (
                parent?.type.name === ACTIVITY_DESCRIPTION_NODE &&
                parent.childCount === 1 &&
                node.content.size === 0
              ) {
                decorations.push(
                  Decoration.node(pos, pos + node.nodeSize, {
                    class: "is-empty",
                    "data-placeholder": text.description,
                  }),
                );
              }
              return node.isBlock;
            });
            if (
              canChangeDocument(editor) &&
              empty &&
              $from.depth === 1 &&
              $from.parent.type.name === "paragraph" &&
              $from.parent.content.size === 0
            ) {
              const pos = $from.before(1);
              decorations.push(
                Decoration.node(pos, pos + $from.parent.nodeSize, {
                  class: "is-empty",
                  "data-placeholder": text.emptyLine,
                }),
              );
            }
            return DecorationSet.create(state.doc, decorations);
          },
        },
      }),
    ];
  },
});
