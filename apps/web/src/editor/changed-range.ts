import type { Node as ProseMirrorNode } from "@tiptap/pm/model";
import { Mapping, StepMap } from "@tiptap/pm/transform";

/** Where two versions of a document differ: `[from, toA]` in the old one is `[from, toB]` in the new. */
export type ChangedRange = { from: number; toA: number; toB: number };

/**
 * The span that differs between two documents, found from both ends. Blocks a change leaves alone
 * are the same objects in both (ProseMirror and y-tiptap keep them), so this compares one block at
 * a time up to the change instead of walking the document; it also narrows a change Yjs brings in,
 * which y-tiptap applies as a replacement of the whole document.
 */
export function changedRange(a: ProseMirrorNode, b: ProseMirrorNode): ChangedRange | null {
  // each transaction asks several times (field hints, id counts, the id check after it)
  const known = lastRanges.get(b);
  if (known?.before === a) return known.range;
  const range = findChangedRange(a, b);
  lastRanges.set(b, { before: a, range });
  return range;
}

const lastRanges = new WeakMap<
  ProseMirrorNode,
  { before: ProseMirrorNode; range: ChangedRange | null }
>();

function findChangedRange(a: ProseMirrorNode, b: ProseMirrorNode): ChangedRange | null {
  const from = a.content.findDiffStart(b.content);
  if (from === null) return null;
  const end = a.content.findDiffEnd(b.content);
  const delta = b.content.size - a.content.size;
  // the two ends overlap when the change repeats what is around it ("ab" -> "abab")
  let toA = Math.max(end?.a ?? a.content.size, from);
  let toB = toA + delta;
  if (toB < from) {
    toB = from;
    toA = from - delta;
  }
  return { from, toA, toB };
}

/** Maps positions of the old document to the new one around a changed range. */
export function rangeMapping({ from, toA, toB }: ChangedRange): Mapping {
  return new Mapping([new StepMap([from, toA - from, toB - from])]);
}

/** The range widened to whole top-level blocks of `doc` (the new document). */
export function topLevelBlocks(doc: ProseMirrorNode, from: number, to: number): [number, number] {
  const $from = doc.resolve(from);
  const $to = doc.resolve(to);
  return [$from.depth > 0 ? $from.before(1) : from, $to.depth > 0 ? $to.after(1) : to];
}
