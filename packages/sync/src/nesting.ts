import { OwnItems } from "@junction/domain/doc";
import * as Y from "yjs";
import type { DecodedUpdate } from "./update-check";

type Id = { readonly client: number; readonly clock: number };

/** Where an item sits: in the document at some depth, in the update, or nowhere known yet. */
type Parent =
  | { readonly kind: "depth"; readonly depth: number }
  | { readonly kind: "item"; readonly item: Y.Item }
  | { readonly kind: "unknown" };

const TOP: Parent = { kind: "depth", depth: 0 };
const UNKNOWN: Parent = { kind: "unknown" };

/**
 * How deep the update nests the types it creates (elements, texts, maps): 1 for one at the top
 * of the document, one more per type around it, counted up to `limit + 1`. Readers of a document
 * (the editor, the exports, the activity index, the diff) walk it recursively: one that nests
 * thousands deep overflows their stacks, for good, since nothing can be removed without reading
 * it. "unknown" when it builds on updates queued but not applied yet.
 */
export function nestingDepth(
  decoded: DecodedUpdate,
  ydoc: Y.Doc,
  limit: number,
): number | "unknown" {
  // built on first use: an update that makes no type (typing) is passed over without it
  const own = new OwnItems(decoded.structs);
  const inUpdate = (id: Id): Y.Item | null => own.find(id as Y.ID) ?? null;
  const inDocument = (id: Id): Y.Item | null => {
    if (id.clock >= Y.getState(ydoc.store, id.client)) return null;
    const struct = Y.getItem(ydoc.store, id as Y.ID);
    return struct instanceof Y.Item ? struct : null;
  };
  const isKnown = (id: Id): boolean => id.clock < Y.getState(ydoc.store, id.client);

  // the type an item's parent ID names: a type this update makes, or one of the document
  const typeNamed = (id: Id): Parent => {
    const made = inUpdate(id);
    if (made) return made.content instanceof Y.ContentType ? { kind: "item", item: made } : TOP;
    if (!isKnown(id)) return UNKNOWN;
    const item = inDocument(id);
    // a collected (GC) parent: Yjs drops what is put in it
    return item?.content instanceof Y.ContentType ? depthIn(item.content.type, limit) : TOP;
  };

  // an item's parent, through the neighbours it was placed by when the update leaves it out
  const parents = new Map<Y.Item, Parent>();
  const parentOf = (item: Y.Item): Parent => {
    const walked = new Set<Y.Item>();
    let parent: Parent = TOP;
    for (let current: Y.Item | null = item; current !== null; ) {
      const known = parents.get(current);
      if (known) {
        parent = known;
        break;
      }
      walked.add(current);
      const next: Y.Item | null = current;
      current = null;
      if (typeof next.parent === "string") parent = TOP;
      else if (next.parent !== null) parent = typeNamed(next.parent as unknown as Id);
      else {
        const neighbour = next.origin ?? next.rightOrigin;
        if (neighbour === null) parent = TOP;
        else {
          const sibling = inUpdate(neighbour);
          if (sibling && !walked.has(sibling)) current = sibling;
          else if (sibling) parent = TOP;
          else if (!isKnown(neighbour)) parent = UNKNOWN;
          else {
            const placed = inDocument(neighbour);
            parent = placed ? depthIn(placed.parent as Y.AbstractType<unknown>, limit) : TOP;
          }
        }
      }
    }
    for (const each of walked) parents.set(each, parent);
    return parent;
  };

  const depths = new Map<Y.Item, number>();
  let deepest = 0;
  for (const item of decoded.structs) {
    if (!(item instanceof Y.Item && item.content instanceof Y.ContentType)) continue;
    // up through the types this update makes, to one it does not: iterative, and capped
    const chain: Y.Item[] = [];
    let base = 0;
    for (let current: Y.Item | null = item; current !== null; ) {
      const known = depths.get(current);
      if (known !== undefined) {
        base = known;
        break;
      }
      chain.push(current);
      if (chain.length > limit) return chain.length;
      const parent = parentOf(current);
      current = null;
      if (parent.kind === "unknown") return "unknown";
      if (parent.kind === "depth") base = parent.depth;
      else if (chain.includes(parent.item)) base = 0;
      else current = parent.item;
    }
    for (let i = chain.length - 1; i >= 0; i--) depths.set(chain[i] as Y.Item, ++base);
    deepest = Math.max(deepest, depths.get(item) ?? 0);
    if (deepest > limit) return deepest;
  }
  return deepest;
}

/** How many types hold `type`, itself included (a root type: 0), counted up to `limit + 1`. */
function depthIn(type: Y.AbstractType<unknown> | null, limit: number): Parent {
  let depth = 0;
  for (let item = type?._item ?? null; item !== null && depth <= limit; depth++) {
    item = (item.parent as Y.AbstractType<unknown> | null)?._item ?? null;
  }
  return { kind: "depth", depth };
}
