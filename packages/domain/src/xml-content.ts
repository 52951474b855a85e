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
