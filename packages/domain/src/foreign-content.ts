import * as Y from "yjs";
import { NARRATIVE_FIELD } from "./activity-doc";
import { isJsonValue } from "./xml-content";
import { OwnItems } from "./yjs-items";

/**
 * Cheap test of an update against the live document: false means it adds nothing but what the
 * editor writes (elements and texts in the narrative, characters and marks in texts, JSON
 * attribute values), true that `removeForeignContent` must look. Any Yjs update can add a bare
 * value, binary, an embed or another Y type where y-prosemirror expects elements and texts, and
 * every browser opening the workplan would fail on it.
 */
export function mayAddForeignContent(
  ydoc: Y.Doc,
  decoded: { structs: readonly (Y.Item | Y.GC | Y.Skip)[] },
): boolean {
  const { store } = ydoc;
  // indexed on first use
  const own = new OwnItems(decoded.structs);
  const isKnown = (id: Y.ID): boolean => id.clock < Y.getState(store, id.client);
  for (const struct of decoded.structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { content, parentSub } = struct;
    if (content instanceof Y.ContentDeleted) continue;
    if (content instanceof Y.ContentType) {
      if (parentSub !== null) return true;
      if (!(content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText)) return true;
      continue;
    }
    if (content instanceof Y.ContentAny && parentSub !== null) {
      if (!content.arr.every((value) => value === undefined || isJsonValue(value))) return true;
      continue;
    }
    if (!(content instanceof Y.ContentString || content instanceof Y.ContentFormat)) return true;
    if (parentSub !== null) return true;
    // characters and marks belong in a text, not among elements
    const { parent } = struct;
    if (typeof parent === "string") {
      if (parent === NARRATIVE_FIELD) return true;
      continue;
    }
    if (parent !== null) {
      const id = parent as unknown as Y.ID;
      const holder = isKnown(id) ? Y.getItem(store, id) : own.find(id);
      if (holder === undefined) return true;
      if (!(holder instanceof Y.Item)) continue;
      if (!(holder.content instanceof Y.ContentType && holder.content.type instanceof Y.XmlText))
        return true;
      continue;
    }
    const neighbour = struct.origin ?? struct.rightOrigin;
    if (neighbour === null) return true;
    // the document first: typing continues text it holds, with no need to index the update
    if (isKnown(neighbour)) {
      const stored = Y.getItem(store, neighbour);
      if (stored instanceof Y.Item && !(stored.parent instanceof Y.XmlText)) return true;
      continue;
    }
    const sibling = own.find(neighbour);
    if (sibling === undefined) return true;
    // a text's items are all characters and marks: one next to a type sits among elements
    if (sibling.content instanceof Y.ContentType) return true;
  }
  return false;
}
