import * as Y from "yjs";
import { ACTIVITY_NODE, NARRATIVE_FIELD } from "./activity-doc";
import { diffSequences } from "./sequence-diff";
import { jsonAttributes, removeForeignContent, type XmlNode, xmlChildren } from "./xml-content";

/** JSON with object keys sorted, so equal values compare equal however they were built. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

type DeltaOp = { insert?: unknown; attributes?: Record<string, unknown> };

/** A text's runs of characters; what else a text can hold (embeds, Y types) the editor never shows. */
function textRuns(text: Y.XmlText): DeltaOp[] {
  return (text.toDelta() as DeltaOp[]).filter((op) => typeof op.insert === "string");
}

/** A node's content as one string: equal strings mean equal nodes (name, attributes, children). */
function fingerprint(node: XmlNode, cache: Map<XmlNode, string>): string {
  const known = cache.get(node);
  if (known !== undefined) return known;
  let print: string;
  if (node instanceof Y.XmlText) print = `t${stableJson(textRuns(node))}`;
  else {
    const children = xmlChildren(node).map((child) => fingerprint(child, cache));
    print = `e${node.nodeName}${stableJson(jsonAttributes(node))}[${children.join(",")}]`;
  }
  cache.set(node, print);
  return print;
}

/** Whether `live` can be changed in place into `target` (same node; an activity keeps its id). */
function isSameKind(live: XmlNode, target: XmlNode): boolean {
  if (live instanceof Y.XmlText) return target instanceof Y.XmlText;
  if (!(target instanceof Y.XmlElement)) return false;
  if (live.nodeName !== target.nodeName) return false;
  return live.nodeName !== ACTIVITY_NODE || live.getAttribute("id") === target.getAttribute("id");
}

/** A detached deep copy to insert, of what the editor would show of `node`. */
function copyOf(node: XmlNode): XmlNode {
  if (node instanceof Y.XmlText) {
    const text = new Y.XmlText();
    text.applyDelta(textRuns(node));
    return text;
  }
  const element = new Y.XmlElement(node.nodeName);
  for (const [name, value] of Object.entries(jsonAttributes(node))) {
    // y-prosemirror stores attribute values as they are, arrays and objects included
    element.setAttribute(name, value as string);
  }
  element.insert(0, xmlChildren(node).map(copyOf));
  return element;
}

function setAttributes(live: Y.XmlElement, target: Y.XmlElement): void {
  const have = live.getAttributes() as Record<string, unknown>;
  const want = jsonAttributes(target);
  for (const name of Object.keys(have)) {
    if (!(name in want)) live.removeAttribute(name);
  }
  for (const [name, value] of Object.entries(want)) {
    // y-prosemirror stores attribute values as they are, arrays and objects included
    if (!(name in have) || stableJson(have[name]) !== stableJson(value)) {
      live.setAttribute(name, value as string);
    }
  }
}

/** Changes the text in place: only the differing middle is rewritten, then marks are set right. */
function setText(live: Y.XmlText, target: Y.XmlText): void {
  const want = textRuns(target);
  const have = textRuns(live);
  if (stableJson(want) === stableJson(have)) return;
  const from = have.map((op) => op.insert as string).join("");
  const to = want.map((op) => op.insert as string).join("");
  let start = 0;
  while (start < from.length && start < to.length && from[start] === to[start]) start++;
  let end = 0;
  while (
    end < from.length - start &&
    end < to.length - start &&
    from[from.length - 1 - end] === to[to.length - 1 - end]
  ) {
    end++;
  }
  if (from.length - start - end > 0) live.delete(start, from.length - start - end);
  if (to.length - start - end > 0) live.insert(start, to.slice(start, to.length - end));
  // every mark either side uses: a run without it gets null, which removes it
  const names = new Set<string>();
  for (const op of [...want, ...have])
    for (const name of Object.keys(op.attributes ?? {})) names.add(name);
  let index = 0;
  for (const op of want) {
    const length = (op.insert as string).length;
    const attributes: Record<string, unknown> = {};
    for (const name of names) attributes[name] = op.attributes?.[name] ?? null;
    // formatting a run as it already is changes nothing (Yjs writes no update for it)
    if (names.size > 0) live.format(index, length, attributes);
    index += length;
  }
}

type Step =
  | { kind: "keep" }
  | { kind: "update"; live: XmlNode; target: XmlNode }
  | { kind: "delete" }
  | { kind: "insert"; target: XmlNode };

/**
 * Makes `live`'s children equal `target`'s: identical ones stay, similar ones change in place.
 * `live` holds only what the editor shows (see removeForeignContent), so its children are its positions.
 */
function setChildren(live: Y.XmlFragment, target: Y.XmlFragment): void {
  const cache = new Map<XmlNode, string>();
  const have = xmlChildren(live);
  const want = xmlChildren(target);
  const matches = diffSequences(
    have.map((node) => fingerprint(node, cache)),
    want.map((node) => fingerprint(node, cache)),
  );
  const steps: Step[] = [];
  let gapHave: XmlNode[] = [];
  let gapWant: XmlNode[] = [];
  const closeGap = () => {
    // pair each wanted node with the next live node of its kind; what is skipped goes
    let next = 0;
    for (const wanted of gapWant) {
      const at = gapHave.findIndex((node, i) => i >= next && isSameKind(node, wanted));
      if (at < 0) {
        steps.push({ kind: "insert", target: wanted });
        continue;
      }
      for (; next < at; next++) steps.push({ kind: "delete" });
      steps.push({ kind: "update", live: gapHave[at] as XmlNode, target: wanted });
      next = at + 1;
    }
    for (; next < gapHave.length; next++) steps.push({ kind: "delete" });
    gapHave = [];
    gapWant = [];
  };
  for (const match of matches) {
    if (match.kind === "equal") {
      closeGap();
      steps.push({ kind: "keep" });
    } else if (match.kind === "removed") gapHave.push(have[match.aIndex] as XmlNode);
    else gapWant.push(want[match.bIndex] as XmlNode);
  }
  closeGap();
  let index = 0;
  for (const step of steps) {
    switch (step.kind) {
      case "keep":
        index++;
        break;
      case "update":
        update(step.live, step.target);
        index++;
        break;
      case "delete":
        live.delete(index, 1);
        break;
      case "insert":
        live.insert(index, [copyOf(step.target)]);
        index++;
        break;
    }
  }
}

function update(live: XmlNode, target: XmlNode): void {
  if (live instanceof Y.XmlText && target instanceof Y.XmlText) {
    setText(live, target);
  } else if (live instanceof Y.XmlElement && target instanceof Y.XmlElement) {
    setAttributes(live, target);
    setChildren(live, target);
  }
}

/**
 * Makes the narrative of `live` (with its activity blocks) equal that of `version`, as changes on
 * top of `live`: what is the same stays untouched (so concurrent edits there merge), what differs
 * is rewritten in place where it can be, what the editor does not show goes, and nothing of
 * `live`'s history is thrown away. Call it inside a transaction of `live`'s document.
 */
export function restoreDocument(live: Y.Doc, version: Y.Doc): void {
  const narrative = live.getXmlFragment(NARRATIVE_FIELD);
  removeForeignContent(narrative);
  setChildren(narrative, version.getXmlFragment(NARRATIVE_FIELD));
}
