import * as Y from "yjs";
import { NARRATIVE_FIELD } from "./activity-doc";

/** Largest accepted length of one encoded end of an anchor (base64 characters). */
export const MAX_ANCHOR_END_LENGTH = 2048;
const MIN_QUOTE_TO_SEARCH = 3;

/**
 * Where a comment points in the document: both ends as base64 of `Y.encodeRelativePosition`,
 * plus the text quoted when the comment was made. Encode the start with `assoc` 0 and the end
 * with `assoc` -1 (as {@link encodeAnchor} does), so typing just outside the range stays outside.
 */
export type TextAnchor = { start: string; end: string; quote: string };

export type ResolvedAnchor =
  | {
      status: "attached";
      type: Y.Text;
      from: number;
      to: number;
      text: string;
      /** "quote" when the positions were lost (text moved to a new paragraph) and the quote found it. */
      via: "position" | "quote";
    }
  | { status: "detached"; quote: string };

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const VALUES = new Map([...ALPHABET].map((char, value) => [char, value]));

export function bytesToBase64(bytes: Uint8Array): string {
  let out = "";
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const triple = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(triple >> 18) & 63];
    out += ALPHABET[(triple >> 12) & 63];
    out += b === undefined ? "=" : ALPHABET[(triple >> 6) & 63];
    out += c === undefined ? "=" : ALPHABET[triple & 63];
  }
  return out;
}

/** Decodes standard base64 (with padding); null when the text is not base64. */
export function base64ToBytes(text: string): Uint8Array | null {
  if (!BASE64.test(text)) return null;
  const clean = text.replace(/=+$/, "");
  const bytes = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let buffer = 0;
  let bits = 0;
  let at = 0;
  for (const char of clean) {
    buffer = (buffer << 6) | (VALUES.get(char) ?? 0);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      bytes[at++] = (buffer >> bits) & 0xff;
    }
  }
  return bytes;
}

function decodePosition(encoded: string): Y.RelativePosition | null {
  const bytes = base64ToBytes(encoded);
  if (!bytes || bytes.length === 0) return null;
  try {
    const position = Y.decodeRelativePosition(bytes);
    return position.item !== null || position.type !== null || position.tname !== null
      ? position
      : null;
  } catch {
    return null;
  }
}

/** Whether a string is base64 of an encoded Yjs relative position, within the size limit. */
export function isEncodedRelativePosition(encoded: string): boolean {
  return encoded.length <= MAX_ANCHOR_END_LENGTH && decodePosition(encoded) !== null;
}

/** The anchor of the range `from`..`to` of a text type, as a client stores it with its thread. */
export function encodeAnchor(type: Y.Text, from: number, to: number): TextAnchor {
  const encode = (index: number, assoc: number) =>
    bytesToBase64(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index, assoc)),
    );
  return { start: encode(from, 0), end: encode(to, -1), quote: plainText(type).slice(from, to) };
}

// embeds count as one position in Yjs; one placeholder character keeps the indices aligned
function plainText(type: Y.Text): string {
  return type
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : "\uFFFC"))
    .join("");
}

function isGone(type: Y.Text): boolean {
  let item = type._item;
  while (item !== null) {
    if (item.deleted) return true;
    const parent = item.parent;
    item = parent instanceof Y.AbstractType ? parent._item : null;
  }
  return false;
}

function resolvePositions(ydoc: Y.Doc, anchor: TextAnchor): ResolvedAnchor | null {
  const startPosition = decodePosition(anchor.start);
  const endPosition = decodePosition(anchor.end);
  if (!startPosition || !endPosition) return null;
  const start = Y.createAbsolutePositionFromRelativePosition(startPosition, ydoc);
  const end = Y.createAbsolutePositionFromRelativePosition(endPosition, ydoc);
  if (!start || !end || start.type !== end.type) return null;
  const type = start.type;
  if (!(type instanceof Y.Text) || isGone(type)) return null;
  const from = start.index;
  const to = end.index;
  if (to <= from) return null;
  return {
    status: "attached",
    type,
    from,
    to,
    text: plainText(type).slice(from, to),
    via: "position",
  };
}

function collectTexts(
  node: Y.XmlFragment | Y.XmlElement | Y.XmlText | Y.XmlHook,
  into: Y.Text[],
): void {
  if (node instanceof Y.XmlText) into.push(node);
  else if (node instanceof Y.XmlElement || node instanceof Y.XmlFragment) {
    for (const child of node.toArray()) collectTexts(child, into);
  }
}

// y-prosemirror moves text into a new paragraph by deleting and re-inserting it (Enter before a
// commented sentence, joining two paragraphs); the quote, found exactly once, follows it there
function findUniqueQuote(ydoc: Y.Doc, quote: string): ResolvedAnchor | null {
  if (quote.trim().length < MIN_QUOTE_TO_SEARCH) return null;
  const texts: Y.Text[] = [];
  try {
    collectTexts(ydoc.getXmlFragment(NARRATIVE_FIELD), texts);
  } catch {
    return null; // the document keeps something else under the narrative's name
  }
  let found: ResolvedAnchor | null = null;
  for (const type of texts) {
    const content = plainText(type);
    let at = content.indexOf(quote);
    while (at !== -1) {
      if (found) return null;
      found = {
        status: "attached",
        type,
        from: at,
        to: at + quote.length,
        text: quote,
        via: "quote",
      };
      at = content.indexOf(quote, at + 1);
    }
  }
  return found;
}

/**
 * Finds an anchored range in the current document: by its relative positions, else by its quote
 * when that occurs exactly once. "detached" (with the quote) when the text was deleted or its
 * paragraph removed; never throws.
 */
export function resolveAnchor(ydoc: Y.Doc, anchor: TextAnchor): ResolvedAnchor {
  return (
    resolvePositions(ydoc, anchor) ??
    findUniqueQuote(ydoc, anchor.quote) ?? { status: "detached", quote: anchor.quote }
  );
}
