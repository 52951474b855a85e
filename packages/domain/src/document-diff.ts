import * as Y from "yjs";
import {
  ACTIVITY_DESCRIPTION_NODE,
  ACTIVITY_NODE,
  ACTIVITY_TITLE_NODE,
  activityElements,
  NARRATIVE_FIELD,
  readActivityElement,
} from "./activity-doc";
import type { Activity } from "./schemas";
import { diffSequences, diffWords, wordSimilarity } from "./sequence-diff";
import { type XmlNode, xmlChildren } from "./xml-content";
import { attributeClient, creatorClient, textWithClients } from "./yjs-items";

/** Text with, per UTF-16 unit, the Yjs client id that wrote it. */
type Run = { text: string; clients: number[] };

export type NarrativeDiffOp = {
  op: "added" | "removed";
  text: string;
  /** The whole passage the change sits in. */
  context: string;
  /** Yjs client ids that wrote the added text (none for removals: Yjs keeps no deleter). */
  clients: number[];
};

export type ActivityFieldName = Exclude<keyof Activity, "id">;

export type ActivityDiff = {
  id: string;
  fields: Partial<Record<ActivityFieldName, { from: unknown; to: unknown }>>;
  /** Per changed field, the Yjs client ids that set its new value (where the document knows). */
  fieldClients: Partial<Record<ActivityFieldName, number[]>>;
};

/** What changed from one workplan document to another; client ids say who, where known. */
export type DocumentDiff = {
  narrative: NarrativeDiffOp[];
  activities: {
    added: string[];
    removed: string[];
    changed: ActivityDiff[];
    /** Per added activity, the client id that created its block. */
    addedClients: Record<string, number[]>;
    titles: Record<string, string>;
  };
};

const ACTIVITY_FIELDS: readonly ActivityFieldName[] = [
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

/** Lists whose order means nothing: a reorder is not a change. */
const SET_FIELDS: ReadonlySet<ActivityFieldName> = new Set([
  "partners",
  "principles",
  "sdgTargets",
  "locations",
  "targetGroups",
]);

/** Passages this similar (shared words) are one passage edited, shown word by word. */
const SAME_PASSAGE = 0.34;

function unique(clients: readonly number[]): number[] {
  return [...new Set(clients)];
}

function join(runs: readonly Run[], separator: string): Run {
  const text = runs.map((run) => run.text).join(separator);
  const clients: number[] = [];
  runs.forEach((run, i) => {
    if (i > 0) for (let k = 0; k < separator.length; k++) clients.push(-1);
    clients.push(...run.clients);
  });
  return { text, clients };
}

function trim(run: Run): Run {
  const start = run.text.length - run.text.trimStart().length;
  const end = run.text.trimEnd().length;
  if (end <= start) return { text: "", clients: [] };
  return { text: run.text.slice(start, end), clients: run.clients.slice(start, end) };
}

function clientsIn(run: Run, start: number, end: number): number[] {
  return unique(run.clients.slice(start, end).filter((client) => client >= 0));
}

/** Inline content of a text block: its texts, hard breaks as line breaks, unknown inline nodes' text. */
function inlineRun(element: Y.XmlElement): Run {
  const runs: Run[] = [];
  for (const child of xmlChildren(element)) {
    if (child instanceof Y.XmlText) runs.push(textWithClients(child));
    else
      runs.push(child.nodeName === "hardBreak" ? { text: "\n", clients: [-1] } : inlineRun(child));
  }
  return join(runs, "");
}

/** As `contentText` in activity-doc: texts joined, nested blocks by `separator`. */
function contentRun(node: XmlNode, separator: string): Run {
  if (node instanceof Y.XmlText) return textWithClients(node);
  return join(
    xmlChildren(node).map((child) => contentRun(child, "\n")),
    separator,
  );
}

/** The narrative's passages (text blocks, wherever nested), activity blocks left out. */
function passages(ydoc: Y.Doc): Run[] {
  const found: Run[] = [];
  const visit = (parent: Y.XmlFragment): void => {
    for (const child of xmlChildren(parent)) {
      if (child instanceof Y.XmlText) {
        found.push(textWithClients(child));
      } else if (child.nodeName !== ACTIVITY_NODE) {
        // a node holding text directly is a text block (paragraph, heading, code); others nest blocks
        if (xmlChildren(child).some((grandchild) => grandchild instanceof Y.XmlText)) {
          found.push(inlineRun(child));
        } else {
          visit(child);
        }
      }
    }
  };
  visit(ydoc.getXmlFragment(NARRATIVE_FIELD));
  return found.map(trim).filter((run) => run.text !== "");
}

function wordOps(before: Run, after: Run): NarrativeDiffOp[] {
  const ops: NarrativeDiffOp[] = [];
  for (const change of diffWords(before.text, after.text)) {
    const removed = before.text.slice(change.aStart, change.aEnd).trim();
    const added = after.text.slice(change.bStart, change.bEnd).trim();
    if (removed !== "")
      ops.push({ op: "removed", text: removed, context: before.text, clients: [] });
    if (added !== "") {
      ops.push({
        op: "added",
        text: added,
        context: after.text,
        clients: clientsIn(after, change.bStart, change.bEnd),
      });
    }
  }
  return ops;
}

function removedOp(run: Run): NarrativeDiffOp {
  return { op: "removed", text: run.text, context: run.text, clients: [] };
}

function addedOp(run: Run): NarrativeDiffOp {
  return {
    op: "added",
    text: run.text,
    context: run.text,
    clients: clientsIn(run, 0, run.text.length),
  };
}

/** One stretch of removed and added passages: edited pairs word by word, the rest whole. */
function hunkOps(removed: readonly Run[], added: readonly Run[]): NarrativeDiffOp[] {
  const ops: NarrativeDiffOp[] = [];
  let nextRemoved = 0;
  let nextAdded = 0;
  for (let i = 0; i < removed.length; i++) {
    const before = removed[i] as Run;
    let partner = -1;
    for (let k = nextAdded; k < added.length; k++) {
      if (wordSimilarity(before.text, (added[k] as Run).text) >= SAME_PASSAGE) {
        partner = k;
        break;
      }
    }
    if (partner < 0) continue;
    for (; nextRemoved < i; nextRemoved++) ops.push(removedOp(removed[nextRemoved] as Run));
    for (; nextAdded < partner; nextAdded++) ops.push(addedOp(added[nextAdded] as Run));
    ops.push(...wordOps(before, added[partner] as Run));
    nextRemoved = i + 1;
    nextAdded = partner + 1;
  }
  for (; nextRemoved < removed.length; nextRemoved++)
    ops.push(removedOp(removed[nextRemoved] as Run));
  for (; nextAdded < added.length; nextAdded++) ops.push(addedOp(added[nextAdded] as Run));
  return ops;
}

/** The narrative (activity blocks aside) as added and removed passages, in document order. */
export function diffNarrative(from: Y.Doc, to: Y.Doc): NarrativeDiffOp[] {
  const before = passages(from);
  const after = passages(to);
  const ops: NarrativeDiffOp[] = [];
  let removed: Run[] = [];
  let added: Run[] = [];
  const close = () => {
    if (removed.length > 0 || added.length > 0) ops.push(...hunkOps(removed, added));
    removed = [];
    added = [];
  };
  const steps = diffSequences(
    before.map((run) => run.text),
    after.map((run) => run.text),
  );
  for (const step of steps) {
    if (step.kind === "equal") close();
    else if (step.kind === "removed") removed.push(before[step.aIndex] as Run);
    else added.push(after[step.bIndex] as Run);
  }
  close();
  return ops;
}

type Block = { activity: Activity; element: Y.XmlElement };

function blocksById(ydoc: Y.Doc): Map<string, Block> {
  const blocks = new Map<string, Block>();
  for (const element of activityElements(ydoc)) {
    const activity = readActivityElement(element);
    // the editor keeps ids unique; should two blocks share one, the first is the activity
    if (activity.id !== "" && !blocks.has(activity.id))
      blocks.set(activity.id, { activity, element });
  }
  return blocks;
}

function comparable(field: ActivityFieldName, value: unknown): string {
  if (SET_FIELDS.has(field) && Array.isArray(value)) return JSON.stringify([...value].sort());
  return JSON.stringify(value ?? null);
}

function childRun(element: Y.XmlElement, nodeName: string, separator: string): Run {
  const child = xmlChildren(element).find(
    (node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === nodeName,
  );
  return child ? trim(contentRun(child, separator)) : { text: "", clients: [] };
}

function textFieldClients(before: Block, after: Block, nodeName: string, separator: string) {
  const a = childRun(before.element, nodeName, separator);
  const b = childRun(after.element, nodeName, separator);
  return unique(
    diffWords(a.text, b.text).flatMap((change) => clientsIn(b, change.bStart, change.bEnd)),
  );
}

function fieldClients(field: ActivityFieldName, before: Block, after: Block): number[] {
  if (field === "title") return textFieldClients(before, after, ACTIVITY_TITLE_NODE, "");
  if (field === "description") {
    return textFieldClients(before, after, ACTIVITY_DESCRIPTION_NODE, "\n");
  }
  const client = attributeClient(after.element, field);
  return client === null ? [] : [client];
}

/** Per activity (matched by id): added, removed, and which fields changed from what to what. */
export function diffActivities(from: Y.Doc, to: Y.Doc): DocumentDiff["activities"] {
  const before = blocksById(from);
  const after = blocksById(to);
  const added: string[] = [];
  const changed: ActivityDiff[] = [];
  const addedClients: Record<string, number[]> = {};
  const titles: Record<string, string> = {};
  for (const [id, block] of after) {
    const old = before.get(id);
    if (!old) {
      titles[id] = block.activity.title;
      added.push(id);
      const creator = creatorClient(block.element);
      addedClients[id] = creator === null ? [] : [creator];
      continue;
    }
    const diff: ActivityDiff = { id, fields: {}, fieldClients: {} };
    for (const field of ACTIVITY_FIELDS) {
      const a = old.activity[field];
      const b = block.activity[field];
      if (comparable(field, a) === comparable(field, b)) continue;
      diff.fields[field] = { from: a, to: b };
      diff.fieldClients[field] = fieldClients(field, old, block);
    }
    if (Object.keys(diff.fields).length === 0) continue;
    changed.push(diff);
    titles[id] = block.activity.title;
  }
  const removed: string[] = [];
  for (const [id, block] of before) {
    if (after.has(id)) continue;
    removed.push(id);
    titles[id] = block.activity.title;
  }
  return { added, removed, changed, addedClients, titles };
}

/** Everything that changed from `from` to `to`: the narrative's passages and the activities. */
export function diffDocuments(from: Y.Doc, to: Y.Doc): DocumentDiff {
  return { narrative: diffNarrative(from, to), activities: diffActivities(from, to) };
}
