import { ACTIVITY_NODE } from "@junction/domain/doc";
import * as Y from "yjs";

/**
 * Cheap test, run on every transaction of a live workplan document from the structs it added and
 * deleted: false means no activity can have changed (no activity block was created or deleted,
 * and nothing inside one: its attributes, title and description); typing in the narrative
 * answers false. True only means the activities must be read again.
 */
export function mayChangeActivities(transaction: Y.Transaction): boolean {
  const { doc, beforeState, afterState } = transaction;
  for (const [client, after] of afterState) {
    const before = beforeState.get(client) ?? 0;
    if (after <= before) continue;
    const structs = doc.store.clients.get(client);
    if (structs === undefined) return true;
    // a transaction's own structs are not merged into older ones before `afterTransaction`
    for (let i = Y.findIndexSS(structs, before); i < structs.length; i++) {
      const struct = structs[i];
      if (struct === undefined || struct.id.clock >= after) break;
      if (struct instanceof Y.Item && touchesActivity(struct)) return true;
    }
  }
  let touched = false;
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!touched && struct instanceof Y.Item && touchesActivity(struct)) touched = true;
  });
  return touched;
}

/** An activity block, or anything inside one (a block's children are items of their own). */
function touchesActivity(item: Y.Item): boolean {
  const { content } = item;
  if (content instanceof Y.ContentType && isActivity(content.type)) return true;
  let parent: Y.Item["parent"] | undefined = item.parent;
  while (parent instanceof Y.AbstractType) {
    if (isActivity(parent)) return true;
    parent = parent._item?.parent;
  }
  return false;
}

function isActivity(type: unknown): boolean {
  return type instanceof Y.XmlElement && type.nodeName === ACTIVITY_NODE;
}
