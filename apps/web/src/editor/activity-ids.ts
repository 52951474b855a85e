import { ACTIVITY_NODE } from "@junction/domain/doc";
import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Mapping } from "@tiptap/pm/transform";
import { newActivityId } from "./activity-id";
import { canChangeDocument } from "./read-only";

function isId(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

/** Where each activity of the previous document is now, if it survived the transactions. */
function survivors(
  oldDoc: ProseMirrorNode,
  transactions: readonly Transaction[],
): Map<string, number> {
  const mapping = new Mapping();
  for (const tr of transactions) mapping.appendMapping(tr.mapping);
  const positions = new Map<string, number>();
  oldDoc.descendants((node, pos) => {
    if (node.type.name !== ACTIVITY_NODE) return true;
    const id: unknown = node.attrs.id;
    if (isId(id) && !positions.has(id)) {
      // assoc 1: content pasted right before a block maps the block after the paste
      const result = mapping.mapResult(pos, 1);
      if (!result.deleted) positions.set(id, result.pos);
    }
    return false;
  });
  return positions;
}

/**
 * Keeps every activity id present and unique. A pasted copy, a duplicated block or an undo that
 * brings back a block whose id is taken gets a fresh id; the block that had the id keeps it (others
 * refer to it: comments, owners, warnings), else the first in document order does.
 */
export const ActivityIds = Extension.create({
  name: "activityIds",
  addProseMirrorPlugins() {
    const editor = this.editor;
    return [
      new Plugin({
        key: new PluginKey("activityIds"),
        appendTransaction(transactions, oldState, state) {
          // readers must not write: the server would refuse it and their copy would drift
          if (!canChangeDocument(editor)) return null;
          if (!transactions.some((tr) => tr.docChanged)) return null;
          const blocks: { pos: number; id: unknown }[] = [];
          state.doc.descendants((node, pos) => {
            if (node.type.name !== ACTIVITY_NODE) return true;
            blocks.push({ pos, id: node.attrs.id });
            return false;
          });
          const previous = survivors(oldState.doc, transactions);
          const kept = new Set<string>();
          const keepers = new Set<number>();
          for (const block of blocks) {
            if (isId(block.id) && previous.get(block.id) === block.pos && !kept.has(block.id)) {
              kept.add(block.id);
              keepers.add(block.pos);
            }
          }
          let fix: Transaction | null = null;
          for (const block of blocks) {
            if (keepers.has(block.pos)) continue;
            if (isId(block.id) && !kept.has(block.id)) {
              kept.add(block.id);
              continue;
            }
            const fresh = newActivityId();
            kept.add(fresh);
            fix ??= state.tr;
            fix.setNodeAttribute(block.pos, "id", fresh);
          }
          return fix;
        },
      }),
    ];
  },
});
