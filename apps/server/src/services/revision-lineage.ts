import { findWorkplanLifecycle, listRevisionIds } from "@junction/store";
import type { Deps } from "../deps";

/** The workplans a revision descends from, nearest first (a revision of a revision...). */
export function revisionLineage(deps: Pick<Deps, "db">, workplanId: string): string[] {
  const lineage: string[] = [];
  let current = findWorkplanLifecycle(deps.db, workplanId)?.revisionOf ?? null;
  while (current !== null && !lineage.includes(current) && lineage.length < 100) {
    lineage.push(current);
    current = findWorkplanLifecycle(deps.db, current)?.revisionOf ?? null;
  }
  return lineage;
}

/**
 * Whether two workplans are one plan at two moments (one revises the other, however far back):
 * their activities are copies of each other, never duplicates to warn about.
 */
export function isRevisionPair(deps: Pick<Deps, "db">, a: string, b: string): boolean {
  if (a === b) return false;
  return revisionLineage(deps, a).includes(b) || revisionLineage(deps, b).includes(a);
}

/**
 * Whether a newer revision carries this workplan on: its activities live on there, with the
 * warnings they had, so the engine pairs them no more (the warnings would be counted twice).
 */
export function isSuperseded(deps: Pick<Deps, "db">, workplanId: string): boolean {
  return listRevisionIds(deps.db, workplanId).length > 0;
}
