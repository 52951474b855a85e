import type { Commitments } from "@junction/domain";
import type { RemovedActivity } from "@junction/domain/doc";
import { findLastCommitments, rememberRemovedActivities } from "@junction/store";
import type { Deps } from "./deps";

/**
 * What activities held when they left their document, so a block re-created with a removed
 * activity's id is judged as that activity. Kept in memory until the database has it (the sync
 * server reviews updates on the hot path, so nothing there waits for a write).
 */
export type RemovedActivityMemory = {
  remember(workplanId: string, removed: readonly RemovedActivity[]): void;
  recall(workplanId: string, activityId: string): Commitments | undefined;
};

type Remembered = { commitments: Commitments; seenAt: number };

export function createRemovedActivityMemory(
  deps: Pick<Deps, "db" | "now" | "background">,
): RemovedActivityMemory {
  const unsaved = new Map<string, Map<string, Remembered>>();

  function save(workplanId: string): void {
    const entries = unsaved.get(workplanId);
    if (!entries || entries.size === 0) return;
    const batch = [...entries];
    rememberRemovedActivities(
      deps.db,
      workplanId,
      batch.map(([activityId, { commitments, seenAt }]) => ({ activityId, commitments, seenAt })),
    );
    // only what was written: the sync server may have remembered more meanwhile
    for (const [activityId, remembered] of batch) {
      if (entries.get(activityId) === remembered) entries.delete(activityId);
    }
    if (entries.size === 0) unsaved.delete(workplanId);
  }

  return {
    remember(workplanId, removed) {
      if (removed.length === 0) return;
      let entries = unsaved.get(workplanId);
      if (!entries) {
        entries = new Map();
        unsaved.set(workplanId, entries);
      }
      const seenAt = deps.now();
      for (const { id, commitments } of removed) entries.set(id, { commitments, seenAt });
      deps.background.schedule(`removed-activities:${workplanId}`, () => save(workplanId));
    },
    recall(workplanId, activityId) {
      return (
        unsaved.get(workplanId)?.get(activityId)?.commitments ??
        findLastCommitments(deps.db, workplanId, activityId) ??
        undefined
      );
    },
  };
}
