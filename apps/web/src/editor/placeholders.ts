import { ACTIVITY_DESCRIPTION_NODE, ACTIVITY_TITLE_NODE } from "@junction/domain/doc";
import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { type EditorState, Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { changedRange, rangeMapping, topLevelBlocks } from "./changed-range";
import { canChangeDocument } from "./read-only";

export type PlaceholderTexts = { title: string; description: string; emptyLine: string };

export type PlaceholdersOptions = {
  /** The hints in the interface language, read when a field's hint is drawn. */
  texts: () => PlaceholderTexts;
};

/** The meta a transaction carries when the interface language changes: every hint is redrawn. */
export const LOCALE_META = "locale";

const placeholdersKey = new PluginKey<DecorationSet>("junctionPlaceholders");

function emptyHint(pos: number, node: ProseMirrorNode, text: string): Decoration {
  const attrs = { class: "is-empty", "data-placeholder": text };
  return Decoration.node(pos, pos + node.nodeSize, attrs, { hint: text });
}

/** Hints for the empty activity titles and descriptions among the blocks between `from` and `to`. */
function fieldHints(
  doc: ProseMirrorNode,
  from: number,
  to: number,
  text: PlaceholderTexts,
): Decoration[] {
  const hints: Decoration[] = [];
  doc.nodesBetween(from, to, (node, pos, parent) => {
    if (node.type.name === ACTIVITY_TITLE_NODE && node.content.size === 0) {
      hints.push(emptyHint(pos, node, text.title));
    }
    if (
      parent?.type.name === ACTIVITY_DESCRIPTION_NODE &&
      parent.childCount === 1 &&
      node.content.size === 0
    ) {
      hints.push(emptyHint(pos, node, text.description));
    }
    return node.isBlock;
  });
  return hints;
}

function allFieldHints(doc: ProseMirrorNode, text: PlaceholderTexts): DecorationSet {
  return DecorationSet.create(doc, fieldHints(doc, 0, doc.content.size, text));
}

/** "Type / …" in the empty top-level line holding the caret, for people who may write. */
function emptyLineHint(state: EditorState, text: string): Decoration | null {
  const { $from, empty } = state.selection;
  if (!empty || $from.depth !== 1) return null;
  if ($from.parent.type.name !== "paragraph" || $from.parent.content.size !== 0) return null;
  return emptyHint($from.before(1), $from.parent, text);
}

/**
 * The plugin behind Placeholders. The field hints are kept from one transaction to the next and
 * redrawn only in the top-level blocks a change touched, so typing in a plan of hundreds of
 * activities does not walk all of them.
 */
export function placeholdersPlugin(
  texts: () => PlaceholderTexts,
  canWrite: () => boolean,
): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: placeholdersKey,
    state: {
      init: (_config, state) => allFieldHints(state.doc, texts()),
      apply: (tr, hints) => {
        if (tr.getMeta(LOCALE_META) !== undefined) return allFieldHints(tr.doc, texts());
        if (!tr.docChanged) return hints;
        const range = changedRange(tr.before, tr.doc);
        if (!range) return hints;
        const [from, to] = topLevelBlocks(tr.doc, range.from, range.toB);
        const mapped = hints.map(rangeMapping(range), tr.doc);
        return mapped
          .remove(mapped.find(from, to))
          .add(tr.doc, fieldHints(tr.doc, from, to, texts()));
      },
    },
    props: {
      decorations(state) {
        const hints = placeholdersKey.getState(state);
        const line = canWrite() ? emptyLineHint(state, texts().emptyLine) : null;
        return line && hints ? hints.add(state.doc, [line]) : hints;
      },
    },
  });
}

/** Grey hints in empty activity titles and descriptions, and "Type / …" in the empty line being edited. */
export const Placeholders = Extension.create<PlaceholdersOptions>({
  name: "junctionPlaceholders",
  addOptions() {
    return { texts: () => ({ title: "", description: "", emptyLine: "" }) };
  },
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [placeholdersPlugin(this.options.texts, () => canChangeDocument(editor))];
  },
});
