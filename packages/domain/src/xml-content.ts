import * as Y from "yjs";

/** What y-prosemirror writes into a workplan's narrative: elements and texts, nothing else. */
export type XmlNode = Y.XmlElement | Y.XmlText;

/**
 * The elements and texts among a parent's children. Any update can put other content there (a
 * bare value, an embed, binary, another Y type, an XmlHook): the editor shows none of it.
 */
export function xmlChildren(parent: Y.XmlFragment): XmlNode[] {
  return (parent.toArray() as unknown[]).filter(
    (child): child is XmlNode => child instanceof Y.XmlElement || child instanceof Y.XmlText,
  );
}

/**
 * Whether an attribute value is one the editor writes: JSON, as a ProseMirror node's attrs are.
 * Yjs also stores Y types, subdocuments, binary and bigints there; the editor never does.
 */
export function isJsonValue(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "number":
    case "boolean":
      return true;
    case "object":
      if (Array.isArray(value)) return value.every(isJsonValue);
      if (Object.getPrototypeOf(value) !== Object.prototype) return false;
      return Object.values(value).every(isJsonValue);
    default:
      return false;
  }
}

/** An element's attributes whose values are JSON (see isJsonValue); the rest are left out. */
export function jsonAttributes(element: Y.XmlElement): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(element.getAttributes() as Record<string, unknown>)) {
    if (isJsonValue(value)) attributes[name] = value;
  }
  return attributes;
}

/**
 * Removes from `parent`, however deep, what the editor does not show and would fail on: content
 * that is neither an element nor a text, attribute values that are not JSON, and whatever a text
 * holds besides characters. Walks without recursion. Answers how many it removed.
 */
export function removeForeignContent(parent: Y.XmlFragment): number {
  let removed = 0;
  const pending: Y.XmlFragment[] = [parent];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    const children = next.toArray() as unknown[];
    for (let index = children.length - 1; index >= 0; index--) {
      const child = children[index];
      if (child instanceof Y.XmlText) removed += removeEmbeds(child);
      else if (child instanceof Y.XmlElement) {
        for (const [name, value] of Object.entries(
          child.getAttributes() as Record<string, unknown>,
        )) {
          // undefined reads as unset, to the editor as to every reader: nothing to remove
          if (value === undefined || isJsonValue(value)) continue;
          child.removeAttribute(name);
          removed++;
        }
        pending.push(child);
      } else {
        next.delete(index, 1);
        removed++;
      }
    }
  }
  return removed;
}

function removeEmbeds(text: Y.XmlText): number {
  const embeds: number[] = [];
  let index = 0;
  for (const op of text.toDelta() as { insert?: unknown }[]) {
    if (typeof op.insert === "string") index += op.insert.length;
    else embeds.push(index++);
  }
  for (const at of embeds.reverse()) text.delete(at, 1);
  return embeds.length;
}
