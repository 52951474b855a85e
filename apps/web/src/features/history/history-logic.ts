import {
  ACTIVITY_STATUSES,
  type ActivityChange,
  type ChangeAuthor,
  diffWords,
  gcmPrincipleTitle,
  type NarrativeChange,
  wordSimilarity,
} from "@junction/domain";
import type { MessageKey, Translate } from "../../i18n";
import { formatMoney, formatMonth } from "../../i18n/format";
import { gcmObjective } from "../../lib/format";

/** A stretch of text in a diff: unchanged, added or removed. */
export type Segment = { text: string; mark: "same" | "added" | "removed" };

/** One passage of the narrative as the diff shows it: added whole, removed whole, or edited. */
export type Passage = {
  kind: "added" | "removed" | "edited";
  segments: Segment[];
  authors: ChangeAuthor[];
};

// the server pairs passages this similar as one passage edited (domain's SAME_PASSAGE)
const SAME_PASSAGE = 0.34;

/** `before` -> `after` word by word, as unchanged, removed and added stretches in reading order. */
export function inlineDiff(before: string, after: string): Segment[] {
  const segments: Segment[] = [];
  const push = (text: string, mark: Segment["mark"]) => {
    if (text === "") return;
    const last = segments[segments.length - 1];
    if (last && last.mark === mark) last.text += text;
    else segments.push({ text, mark });
  };
  let bAt = 0;
  for (const change of diffWords(before, after)) {
    push(after.slice(bAt, change.bStart), "same");
    push(before.slice(change.aStart, change.aEnd), "removed");
    push(after.slice(change.bStart, change.bEnd), "added");
    bAt = change.bEnd;
  }
  push(after.slice(bAt), "same");
  return segments;
}

/** Marks each of `parts`, in order, where it next occurs in `context`. */
function markInContext(context: string, parts: readonly string[], mark: Segment["mark"]) {
  const segments: Segment[] = [];
  let at = 0;
  for (const part of parts) {
    const found = context.indexOf(part, at);
    if (found < 0) continue;
    if (found > at) segments.push({ text: context.slice(at, found), mark: "same" });
    segments.push({ text: part, mark });
    at = found + part.length;
  }
  if (at < context.length) segments.push({ text: context.slice(at), mark: "same" });
  return segments;
}

function uniqueAuthors(lists: readonly (readonly ChangeAuthor[])[]): ChangeAuthor[] {
  const byId = new Map<string, ChangeAuthor>();
  for (const list of lists) for (const author of list) byId.set(author.userId, author);
  return [...byId.values()];
}

type Group = { before: string | null; after: string | null; ops: NarrativeChange[] };

function fits(group: Group, op: NarrativeChange): boolean {
  const before = op.op === "removed" ? op.context : group.before;
  const after = op.op === "added" ? op.context : group.after;
  if (op.op === "removed" && group.before !== null && group.before !== op.context) return false;
  if (op.op === "added" && group.after !== null && group.after !== op.context) return false;
  // two edited passages in a row must not read as one
  return before === null || after === null || wordSimilarity(before, after) >= SAME_PASSAGE;
}

/**
 * The server's narrative changes (word-level ops carrying their whole passage) as passages to
 * read: an edited passage once, its removed and added words marked inside it.
 */
export function narrativePassages(ops: readonly NarrativeChange[]): Passage[] {
  const groups: (Group | NarrativeChange)[] = [];
  let current: Group | null = null;
  for (const op of ops) {
    if (op.text === op.context) {
      groups.push(op);
      current = null;
      continue;
    }
    if (!current || !fits(current, op)) {
      current = { before: null, after: null, ops: [] };
      groups.push(current);
    }
    current.ops.push(op);
    if (op.op === "removed") current.before = op.context;
    else current.after = op.context;
  }
  return groups.map((group): Passage => {
    if ("op" in group) {
      return {
        kind: group.op,
        segments: [{ text: group.text, mark: group.op }],
        authors: group.changedBy,
      };
    }
    const authors = uniqueAuthors(group.ops.map((op) => op.changedBy));
    let segments: Segment[];
    if (group.before !== null && group.after !== null) {
      segments = inlineDiff(group.before, group.after);
    } else if (group.before !== null) {
      segments = markInContext(
        group.before,
        group.ops.map((op) => op.text),
        "removed",
      );
    } else {
      segments = markInContext(
        group.after ?? "",
        group.ops.map((op) => op.text),
        "added",
      );
    }
    return { kind: "edited", segments, authors };
  });
}

const FIELD_ORDER = [
  "title",
  "description",
  "lead",
  "partners",
  "gcmObjectives",
  "principles",
  "sdgTargets",
  "locations",
  "targetGroups",
  "start",
  "end",
  "budget",
  "status",
  "indicators",
];

/** A field's name in the reader's language; a field this app does not know keeps its key. */
export function fieldLabel(t: Translate<"history">, field: string): string {
  return FIELD_ORDER.includes(field) ? t(`field.${field}` as MessageKey<"history">) : field;
}

/** How one changed field reads: text word by word, lists as items in and out, else from -> to. */
export type FieldRow =
  | { field: string; label: string; kind: "text"; segments: Segment[]; authors: ChangeAuthor[] }
  | {
      field: string;
      label: string;
      kind: "list";
      added: string[];
      removed: string[];
      authors: ChangeAuthor[];
    }
  | {
      field: string;
      label: string;
      kind: "value";
      from: string;
      to: string;
      authors: ChangeAuthor[];
    };

const NONE = "none";

function asString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** "US$120,000 (Migration MPTF, secured)" */
export function formatBudget(t: Translate<"history">, value: unknown): string {
  if (!isRecord(value)) return NONE;
  const currency = asString(value.currency);
  const head =
    typeof value.amount !== "number"
      ? t("budget.noAmount")
      : currency
        ? formatMoney(value.amount, currency, t.locale)
        : formatMoney(value.amount, "", t.locale).trim();
  const notes = [
    asString(value.source),
    value.secured === true ? t("budget.secured") : t("budget.required"),
  ].filter((note) => note !== "");
  return t("budget.value", { amount: head, notes: notes.join(", ") });
}

function formatIndicator(t: Translate<"history">, value: unknown): string {
  if (!isRecord(value)) return String(value);
  const name = asString(value.name) || t("indicator.unnamed");
  const baseline = asString(value.baseline);
  const target = asString(value.target);
  const range = baseline || target ? `: ${baseline || "?"} → ${target || "?"}` : "";
  const means = asString(value.meansOfVerification);
  return `${name}${range}${means ? ` (${means})` : ""}`;
}

function listItem(
  t: Translate<"history">,
  field: string,
  value: unknown,
  organisations: Record<string, string>,
): string {
  switch (field) {
    case "partners":
      return organisations[asString(value)] ?? asString(value);
    case "gcmObjectives": {
      const objective = gcmObjective(Number(value));
      return `${objective.number}. ${objective.short}`;
    }
    case "principles":
      return gcmPrincipleTitle(asString(value), t.locale);
    case "indicators":
      return formatIndicator(t, value);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

function single(
  t: Translate<"history">,
  field: string,
  value: unknown,
  organisations: Record<string, string>,
): string {
  if (value === null || value === undefined || value === "") return NONE;
  switch (field) {
    case "lead":
      return organisations[asString(value)] ?? asString(value);
    case "start":
    case "end":
      return /^\d{4}-\d{2}$/.test(asString(value))
        ? formatMonth(asString(value), t.locale)
        : asString(value);
    case "status": {
      const status = ACTIVITY_STATUSES.find((known) => known === value);
      return status ? t(`status.${status}`) : asString(value);
    }
    case "budget":
      return formatBudget(t, value);
    default:
      return typeof value === "string" ? value : JSON.stringify(value);
  }
}

const TEXT_FIELDS = new Set(["title", "description"]);
const LIST_FIELDS = new Set([
  "partners",
  "gcmObjectives",
  "principles",
  "sdgTargets",
  "locations",
  "targetGroups",
  "indicators",
]);

/** Each changed field of an activity, in the form's order, ready to show. */
export function fieldRows(
  t: Translate<"history">,
  change: Pick<ActivityChange, "fields" | "fieldsChangedBy">,
  organisations: Record<string, string>,
): FieldRow[] {
  const fields = Object.keys(change.fields).sort(
    (a, b) =>
      (FIELD_ORDER.indexOf(a) + 1 || 99) - (FIELD_ORDER.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  return fields.map((field): FieldRow => {
    const { from, to } = change.fields[field] ?? { from: null, to: null };
    const label = fieldLabel(t, field);
    const authors = change.fieldsChangedBy[field] ?? [];
    if (TEXT_FIELDS.has(field)) {
      return {
        field,
        label,
        kind: "text",
        segments: inlineDiff(asString(from), asString(to)),
        authors,
      };
    }
    if (LIST_FIELDS.has(field)) {
      const before = asList(from).map((value) => listItem(t, field, value, organisations));
      const after = asList(to).map((value) => listItem(t, field, value, organisations));
      return {
        field,
        label,
        kind: "list",
        added: after.filter((item) => !before.includes(item)),
        removed: before.filter((item) => !after.includes(item)),
        authors,
      };
    }
    return {
      field,
      label,
      kind: "value",
      from: single(t, field, from, organisations),
      to: single(t, field, to, organisations),
      authors,
    };
  });
}

/** "Eka Lomidze (UNICEF), Levan Gelashvili (UNDP)" */
export function formatAuthors(authors: readonly ChangeAuthor[]): string {
  return authors
    .map((author) =>
      author.organisation ? `${author.name} (${author.organisation})` : author.name,
    )
    .join(", ");
}

/** Why nobody may save or restore a version now, or null while they may. */
export function frozenHistoryReason(
  t: Translate<"history">,
  frozen: "adopted" | "archived" | null,
): string | null {
  if (frozen === "adopted") return t("frozen.adopted");
  if (frozen === "archived") return t("frozen.archived");
  return null;
}
