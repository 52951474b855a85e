import * as Y from "yjs";
import {
  ACTIVITY_STATUSES,
  type Activity,
  type ActivityStatus,
  type Budget,
  budgetSchema,
  type Indicator,
  indicatorSchema,
  MONTH,
} from "./schemas";
import { type XmlNode, xmlChildren } from "./xml-content";

/** Name of the Y.XmlFragment holding the narrative (Tiptap's default field). */
export const NARRATIVE_FIELD = "default";
export const ACTIVITY_NODE = "activity";
export const ACTIVITY_TITLE_NODE = "activityTitle";
export const ACTIVITY_DESCRIPTION_NODE = "activityDescription";

/** Structured fields stored one per node attribute, so concurrent edits of different fields merge. */
export const ACTIVITY_ATTRIBUTES = [
  "id",
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
] as const;

export type ActivityAttribute = (typeof ACTIVITY_ATTRIBUTES)[number];

function asStrings(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
}

function asObjectives(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  const numbers = value.map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 23);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

function asMonth(value: unknown): string | null {
  return typeof value === "string" && MONTH.test(value) ? value : null;
}

function asStatus(value: unknown): ActivityStatus {
  return ACTIVITY_STATUSES.find((status) => status === value) ?? "planned";
}

function asBudget(value: unknown): Budget | null {
  const parsed = budgetSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

function asIndicators(value: unknown): Indicator[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = indicatorSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

function plainText(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === "string" ? op.insert : ""))
    .join("");
}

function contentText(node: XmlNode, separator: string): string {
  if (node instanceof Y.XmlText) return plainText(node);
  return xmlChildren(node)
    .map((child) => contentText(child, "\n"))
    .join(separator);
}

/** An activity block's status; anything unknown reads as planned. */
export function readActivityStatus(element: Y.XmlElement): ActivityStatus {
  return asStatus(element.getAttribute("status"));
}

/** An activity's structured fields as a block's attributes hold them (Y.XmlElement or editor node). */
export type ActivityAttributes = Omit<Activity, "title" | "description">;

/** Reads a block's attributes; unknown or malformed values fall back to empty ones. */
export function readActivityAttributes(
  attrs: Readonly<Record<string, unknown>>,
): ActivityAttributes {
  return {
    id: typeof attrs.id === "string" ? attrs.id : "",
    lead: typeof attrs.lead === "string" && attrs.lead !== "" ? attrs.lead : null,
    partners: asStrings(attrs.partners),
    gcmObjectives: asObjectives(attrs.gcmObjectives),
    principles: asStrings(attrs.principles),
    sdgTargets: asStrings(attrs.sdgTargets),
    locations: asStrings(attrs.locations),
    targetGroups: asStrings(attrs.targetGroups),
    start: asMonth(attrs.start),
    end: asMonth(attrs.end),
    budget: asBudget(attrs.budget),
    status: asStatus(attrs.status),
    indicators: asIndicators(attrs.indicators),
  };
}

/** Reads one activity out of its block; unknown or malformed attributes fall back to empty values. */
export function readActivityElement(element: Y.XmlElement): Activity {
  let title = "";
  let description = "";
  for (const child of xmlChildren(element)) {
    if (!(child instanceof Y.XmlElement)) continue;
    if (child.nodeName === ACTIVITY_TITLE_NODE) title = contentText(child, "");
    if (child.nodeName === ACTIVITY_DESCRIPTION_NODE) description = contentText(child, "\n");
  }
  const { id, ...fields } = readActivityAttributes(element.getAttributes());
  return { id, title: title.trim(), description: description.trim(), ...fields };
}

/** Every activity block in a workplan document, in document order, however deeply nested. */
export function activityElements(ydoc: Y.Doc): Y.XmlElement[] {
  const found: Y.XmlElement[] = [];
  const visit = (node: Y.XmlFragment): void => {
    for (const child of xmlChildren(node)) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (child.nodeName === ACTIVITY_NODE) found.push(child);
      else visit(child);
    }
  };
  visit(ydoc.getXmlFragment(NARRATIVE_FIELD));
  return found;
}

/** The block of one activity, to change one of its attributes; null when it is not there. */
export function findActivityElement(ydoc: Y.Doc, activityId: string): Y.XmlElement | null {
  return (
    activityElements(ydoc).find((element) => element.getAttribute("id") === activityId) ?? null
  );
}

/** Every activity block in a workplan document, in document order (server and browser share this). */
export function readActivities(ydoc: Y.Doc): Activity[] {
  return activityElements(ydoc)
    .map(readActivityElement)
    .filter((activity) => activity.id !== "");
}

function paragraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement("paragraph");
  if (text !== "") element.insert(0, [new Y.XmlText(text)]);
  return element;
}

/** Builds an activity block as the editor stores it; used by seeds, imports and tests. */
export function createActivityElement(activity: Activity): Y.XmlElement {
  const element = new Y.XmlElement(ACTIVITY_NODE);
  for (const name of ACTIVITY_ATTRIBUTES) {
    // y-prosemirror stores attribute values as they are, arrays and objects included
    element.setAttribute(name, activity[name] as unknown as string);
  }
  const title = new Y.XmlElement(ACTIVITY_TITLE_NODE);
  if (activity.title !== "") title.insert(0, [new Y.XmlText(activity.title)]);
  const description = new Y.XmlElement(ACTIVITY_DESCRIPTION_NODE);
  const paragraphs = activity.description.split(/\n+/);
  description.insert(0, paragraphs.map(paragraph));
  element.insert(0, [title, description]);
  return element;
}

export type NarrativeBlock =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "activity"; activity: Activity };

/** Appends narrative blocks (headings, paragraphs, activities) to a workplan document. */
export function appendNarrative(ydoc: Y.Doc, blocks: readonly NarrativeBlock[]): void {
  const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
  ydoc.transact(() => fragment.insert(fragment.length, blocks.map(blockElement)));
}

function blockElement(block: NarrativeBlock): Y.XmlElement {
  switch (block.kind) {
    case "heading": {
      const heading = new Y.XmlElement("heading");
      heading.setAttribute("level", block.level as unknown as string);
      heading.insert(0, [new Y.XmlText(block.text)]);
      return heading;
    }
    case "paragraph":
      return paragraph(block.text);
    case "activity":
      return createActivityElement(block.activity);
  }
}
