import { ACTIVITY_NODE } from "@junction/domain/doc";
import { Extension } from "@tiptap/core";
import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type Transaction } from "@tiptap/pm/state";
import { Mapping } from "@tiptap/pm/transform";
import { newActivityId } from "./activity-id";
import { type ChangedRange, changedRange } from "./changed-range";
import { canChangeDocument } from "./read-only";

function isId(value: unknown): value is string {
  return typeof value === "string" && value !== "";
}

type Block = { pos: number; end: number; id: unknown };

/** The activity blocks that overlap `from`..`to` (all of them between 0 and the document's size). */
function blocksBetween(doc: ProseMirrorNode, from: number, to: number): Block[] {
  const blocks: Block[] = [];
  doc.nodesBetween(from, to, (node, pos) => {
    if (node.type.name !== ACTIVITY_NODE) return true;
    blocks.push({ pos, end: pos + node.nodeSize, id: node.attrs.id });
    return false;
  });
  return blocks;
}

/** How many activity blocks of the document hold each id. */
type IdCounts = ReadonlyMap<string, number>;

function countIds(doc: ProseMirrorNode): IdCounts {
  const counts = new Map<string, number>();
  for (const { id } of blocksBetween(doc, 0, doc.content.size)) {
    if (isId(id)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/** The counts after a change: only the blocks in the changed range can have come or gone. */
function recount(counts: IdCounts, before: ProseMirrorNode, after: ProseMirrorNode): IdCounts {
  const range = changedRange(before, after);
  if (!range) return counts;
  const gone = blocksBetween(before, range.from, range.toA).map((block) => block.id);
  const come = blocksBetween(after, range.from, range.toB).map((block) => block.id);
  // typing inside an activity takes its block out and puts it back: nothing to count
  if (gone.length === come.length && gone.every((id, i) => id === come[i])) return counts;
  const next = new Map(counts);
  for (const id of gone) {
    if (!isId(id)) continue;
    const left = (next.get(id) ?? 0) - 1;
    if (left > 0) next.set(id, left);
    else next.delete(id);
  }
  for (const id of come) if (isId(id)) next.set(id, (next.get(id) ?? 0) + 1);
  return next;
}

const activityIdsKey = new PluginKey<IdCounts>("activityIds");

/** Where each activity of the old range is now, if it survived the transactions. */
function survivors(
  oldDoc: ProseMirrorNode,
  range: ChangedRange,
  transactions: readonly Transaction[],
): Map<string, number> {
  const mapping = new Mapping();
  for (const tr of transactions) mapping.appendMapping(tr.mapping);
  const positions = new Map<string, number>();
  for (const { pos, id } of blocksBetween(oldDoc, range.from, range.toA)) {
    if (!isId(id) || positions.has(id)) continue;
    // assoc 1: content pasted right before a block maps the block after the paste
    const result = mapping.mapResult(pos, 1);
    if (!result.deleted) positions.set(id, result.pos);
  }
  return positions;
}

/** An activity block looked at, and whether it lies in the changed range. */
type Candidate = Block & { changed: boolean };

/**
 * The candidates that need a fresh id: those without one, and those whose id another block holds.
 * A block the change left alone keeps its id (the first of them, should two hold it), as does any
 * block not among the candidates; else the block that had the id before the change keeps it, else
 * the first in document order.
 */
function needFreshIds(
  candidates: readonly Candidate[],
  counts: IdCounts,
  previous: () => Map<string, number>,
): number[] {
  const fresh: number[] = [];
  const holders = new Map<string, Candidate[]>();
  for (const candidate of candidates) {
    const { id } = candidate;
    if (!isId(id)) fresh.push(candidate.pos);
    else if ((counts.get(id) ?? 0) > 1) holders.set(id, [...(holders.get(id) ?? []), candidate]);
  }
  if (holders.size === 0) return fresh;
  const before = previous();
  for (const [id, held] of holders) {
    const heldElsewhere = (counts.get(id) ?? 0) > held.length;
    const keeper = heldElsewhere
      ? null
      : (held.find((block) => !block.changed) ??
        held.find((block) => before.get(id) === block.pos) ??
        held[0]);
    for (const block of held) if (block !== keeper) fresh.push(block.pos);
  }
  return fresh;
}

export type ActivityIdsOptions = {
  /** Whether this person may write: a reader's copy is never changed. */
  canWrite: () => boolean;
  newId?: () => string;
};

/**
 * The plugin behind ActivityIds. It counts the ids in the document as it changes and looks only
 * at the blocks each change touched, so typing in a plan of hundreds of activities checks one.
 */
export function activityIdsPlugin({
  canWrite,
  newId = newActivityId,
}: ActivityIdsOptions): Plugin<IdCounts> {
  // blocks that came in while this person could not write were not checked: check all once
  let checkedAll = false;
  return new Plugin<IdCounts>({
    key: activityIdsKey,
    state: {
      init: (_config, state) => countIds(state.doc),
      apply: (tr, counts) => (tr.docChanged ? recount(counts, tr.before, tr.doc) : counts),
    },
    appendTransaction(transactions, oldState, state) {
      // readers must not write: the server would refuse it and their copy would drift
      if (!canWrite()) {
        checkedAll = false;
        return null;
      }
      if (!transactions.some((tr) => tr.docChanged)) return null;
      const range = changedRange(oldState.doc, state.doc);
      if (!range) return null;
      const changed = (block: Block) => block.end > range.from && block.pos < range.toB;
      const candidates = (
        checkedAll
          ? blocksBetween(state.doc, range.from, range.toB)
          : blocksBetween(state.doc, 0, state.doc.content.size)
      ).map((block) => ({ ...block, changed: changed(block) }));
      checkedAll = true;
      const counts = activityIdsKey.getState(state) ?? new Map<string, number>();
      const positions = needFreshIds(candidates, counts, () =>
        survivors(oldState.doc, range, transactions),
      );
      if (positions.length === 0) return null;
      const tr = state.tr;
      for (const pos of positions) tr.setNodeAttribute(pos, "id", newId());
      return tr;
    },
  });
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
    return [activityIdsPlugin({ canWrite: () => canChangeDocument(editor) })];
  },
});
