import * as Y from "yjs";
import { ACTIVITY_NODE, findActivityElement, readActivityAttributes } from "./activity-doc";
import { base64ToBytes, bytesToBase64 } from "./anchors";
import type { SuggestedBudget, SuggestionField } from "./suggestions-api";

/** Both ends of a suggested range, as base64 of `Y.encodeRelativePosition` (see encodeAnchor). */
export type SuggestionAnchor = { readonly start: string; readonly end: string };

export type SuggestionRange = {
  type: Y.XmlText;
  from: number;
  to: number;
  /** The text between the ends now. */
  text: string;
  /** The activity whose title or description holds the range; null in the narrative. */
  activityId: string | null;
};

/** A text suggestion as the document logic needs it. */
export type TextSuggestion = { anchor: SuggestionAnchor; quote: string; text: string };

/** A field suggestion: the value it expects to find (as `readSuggestionField` gave it) and the new one. */
export type FieldSuggestion = {
  activityId: string;
  field: SuggestionField;
  before: unknown;
  value: unknown;
};

export type ApplyResult = { ok: true } | { ok: false; reason: "outdated" };

function decodePosition(encoded: string): Y.RelativePosition | null {
  const bytes = base64ToBytes(encoded);
  if (!bytes || bytes.length === 0) return null;
  try {
    return Y.decodeRelativePosition(bytes);
  } catch {
    return null;
  }
}

// embeds count as one position in Yjs; one placeholder character keeps the indices aligned
function plainText(type: Y.XmlText): string {
  return type
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : "\uFFFC"))
    .join("");
}

/** The activity id of the nearest activity block holding `type`; null when none (or deleted). */
function enclosingActivity(type: Y.XmlText): { gone: boolean; id: string | null } {
  let id: string | null = null;
  let item = type._item;
  while (item !== null) {
    if (item.deleted) return { gone: true, id: null };
    const parent = item.parent;
    if (!(parent instanceof Y.AbstractType)) break;
    if (id === null && parent instanceof Y.XmlElement && parent.nodeName === ACTIVITY_NODE) {
      const attribute = parent.getAttribute("id");
      id = typeof attribute === "string" ? attribute : null;
    }
    item = parent._item;
  }
  return { gone: false, id };
}

/**
 * Where a suggested range is in the document now: both ends in one text, the start not after the
 * end ("" between them marks an insertion point). Null when either end is lost or the text is
 * gone; unlike comment threads a suggestion never follows its quote elsewhere.
 */
export function resolveSuggestionRange(
  ydoc: Y.Doc,
  anchor: SuggestionAnchor,
): SuggestionRange | null {
  const startPosition = decodePosition(anchor.start);
  const endPosition = decodePosition(anchor.end);
  if (!startPosition || !endPosition) return null;
  const start = Y.createAbsolutePositionFromRelativePosition(startPosition, ydoc);
  const end = Y.createAbsolutePositionFromRelativePosition(endPosition, ydoc);
  if (!start || !end || start.type !== end.type) return null;
  const type = start.type;
  if (!(type instanceof Y.XmlText) || start.index > end.index) return null;
  const place = enclosingActivity(type);
  if (place.gone) return null;
  return {
    type,
    from: start.index,
    to: end.index,
    text: plainText(type).slice(start.index, end.index),
    activityId: place.id,
  };
}

/** The anchor of `from`..`to` in a text: start sticks to what follows it, end to what precedes it. */
export function encodeSuggestionAnchor(
  type: Y.XmlText,
  from: number,
  to: number,
): SuggestionAnchor {
  const encode = (index: number, assoc: number) =>
    bytesToBase64(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index, assoc)),
    );
  return { start: encode(from, 0), end: encode(to, -1) };
}

/** Whether the text under a suggestion changed since it was made: lost, or no longer its quote. */
export function isTextSuggestionOutdated(ydoc: Y.Doc, suggestion: TextSuggestion): boolean {
  const range = resolveSuggestionRange(ydoc, suggestion.anchor);
  return range === null || range.text !== suggestion.quote;
}

type Attributes = Record<string, unknown>;

// the marks the new words take: those of the first replaced character, else of the one before
function attributesAt(type: Y.XmlText, from: number, to: number): Attributes {
  const at = to > from ? from : from - 1;
  if (at < 0) return {};
  let index = 0;
  for (const op of type.toDelta() as { insert?: unknown; attributes?: Attributes }[]) {
    const length = typeof op.insert === "string" ? op.insert.length : 1;
    if (at < index + length) return { ...(op.attributes ?? {}) };
    index += length;
  }
  return {};
}

/**
 * Replaces the quoted text with the suggested wording in place; the new words carry the marks of
 * the text they replace (of their left neighbour for an insertion). Changes nothing and answers
 * "outdated" when the text under the suggestion is no longer its quote.
 */
export function applyTextSuggestion(ydoc: Y.Doc, suggestion: TextSuggestion): ApplyResult {
  const range = resolveSuggestionRange(ydoc, suggestion.anchor);
  if (range === null || range.text !== suggestion.quote) return { ok: false, reason: "outdated" };
  const { type, from, to } = range;
  const attributes = attributesAt(type, from, to);
  ydoc.transact(() => {
    if (to > from) type.delete(from, to - from);
    if (suggestion.text !== "") type.insert(from, suggestion.text, attributes);
  });
  return { ok: true };
}

/**
 * An activity field's value as the document holds it now, normalised as readers see it (a
 * malformed value reads as null); undefined when the activity is not in the document.
 */
export function readSuggestionField(
  ydoc: Y.Doc,
  activityId: string,
  field: SuggestionField,
): unknown {
  const element = findActivityElement(ydoc, activityId);
  if (!element) return undefined;
  return readActivityAttributes(element.getAttributes())[field];
}

/** The activity's lead organisation as the document holds it; undefined when it is not there. */
export function readSuggestionLead(ydoc: Y.Doc, activityId: string): string | null | undefined {
  const element = findActivityElement(ydoc, activityId);
  if (!element) return undefined;
  return readActivityAttributes(element.getAttributes()).lead;
}

/** Compares two JSON values by content (object keys in any order). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== "object" || typeof b !== "object") return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  if (aKeys.length !== bKeys.length) return false;
  return aKeys.every((key) =>
    sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/** Whether the field under a suggestion changed since it was made (or its activity is gone). */
export function isFieldSuggestionOutdated(ydoc: Y.Doc, suggestion: FieldSuggestion): boolean {
  const now = readSuggestionField(ydoc, suggestion.activityId, suggestion.field);
  return now === undefined || !sameValue(now, suggestion.before);
}

/** The value a field takes when a suggestion is accepted (a budget keeps its source and flag). */
function fieldValue(field: SuggestionField, value: unknown, current: unknown): unknown {
  if (field !== "budget" || value === null) return value;
  const budget = value as SuggestedBudget;
  const before = (current ?? null) as { source?: string; secured?: boolean } | null;
  return {
    amount: budget.amount,
    currency: budget.currency,
    source: budget.source ?? before?.source ?? "",
    secured: budget.secured ?? before?.secured ?? false,
  };
}

/**
 * Sets an activity's field to the suggested value as the activity form does (one block
 * attribute). Changes nothing and answers "outdated" when the field no longer holds `before`.
 */
export function applyFieldSuggestion(ydoc: Y.Doc, suggestion: FieldSuggestion): ApplyResult {
  const element = findActivityElement(ydoc, suggestion.activityId);
  if (!element) return { ok: false, reason: "outdated" };
  const current = readActivityAttributes(element.getAttributes())[suggestion.field];
  if (!sameValue(current, suggestion.before)) return { ok: false, reason: "outdated" };
  const next = fieldValue(suggestion.field, suggestion.value, current);
  // y-prosemirror stores attribute values as they are, objects and null included
  element.setAttribute(suggestion.field, next as string);
  return { ok: true };
}

/** A field value as a person reads it: "12000 USD", "2026-03", "" for none. */
export function describeFieldValue(field: SuggestionField, value: unknown): string {
  if (value === null || value === undefined) return "";
  if (field === "budget") {
    const budget = value as { amount?: unknown; currency?: unknown };
    const amount = typeof budget.amount === "number" ? String(budget.amount) : "";
    const currency = typeof budget.currency === "string" ? budget.currency : "";
    return [amount, currency].filter((part) => part !== "").join(" ");
  }
  return typeof value === "string" ? value : "";
}
