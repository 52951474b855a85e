import { type Activity, emptyActivity } from "@junction/domain";
import { appendNarrative, type NarrativeBlock, readActivities } from "@junction/domain/doc";
import { createSqliteUpdateLog, type Db, replaceWorkplanActivities } from "@junction/store";
import * as Y from "yjs";
import type { Deps } from "../deps";
import { stateFromLog } from "../services/document-state";

export function activity(id: string, lead: string | null, overrides: Partial<Activity> = {}) {
  return { ...emptyActivity(id), title: `Activity ${id}`, lead, ...overrides };
}

/**
 * Appends blocks to a workplan's stored document (its update log) and re-indexes the whole
 * document's activities, as an edit through the sync server would.
 */
export function storeDocument(
  h: { db: Db; deps: Deps },
  workplan: { id: string; networkId: string },
  blocks: readonly NarrativeBlock[],
): void {
  const log = createSqliteUpdateLog(h.db);
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, stateFromLog(log.load(workplan.id)));
  const before = Y.encodeStateVector(ydoc);
  appendNarrative(ydoc, blocks);
  log.append([{ docName: workplan.id, updates: [Y.encodeStateAsUpdate(ydoc, before)] }]);
  replaceWorkplanActivities(h.db, workplan, readActivities(ydoc), h.deps.now());
  ydoc.destroy();
}

/**
 * Appends the update `edit` makes on a copy of a workplan's stored document, as a client's update
 * the sync server accepted; the activity index stays as it was.
 */
export function storeEdit(
  h: { db: Db },
  workplan: { id: string },
  edit: (ydoc: Y.Doc) => void,
): void {
  const log = createSqliteUpdateLog(h.db);
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, stateFromLog(log.load(workplan.id)));
  const before = Y.encodeStateVector(ydoc);
  edit(ydoc);
  log.append([{ docName: workplan.id, updates: [Y.encodeStateAsUpdate(ydoc, before)] }]);
  ydoc.destroy();
}
