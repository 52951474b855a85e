import {
  decideWarning,
  findWarningByPair,
  insertWarning,
  listWorkplanWarnings,
  setWarningStatus,
} from "@junction/store";
import type { Deps } from "../deps";
import { orderedPair } from "./warnings";

/**
 * Gives a new revision the duplication warnings its adopted workplan had, decisions included
 * ("not a duplicate" stays decided), before its activities are indexed: the engine then finds
 * them instead of raising and notifying every known pair again.
 */
export function carryWarningsToRevision(
  deps: Deps,
  adoptedId: string,
  revisionId: string,
  now: number,
): void {
  const moved = (ref: { workplanId: string; activityId: string }) =>
    ref.workplanId === adoptedId ? { ...ref, workplanId: revisionId } : ref;
  for (const warning of listWorkplanWarnings(deps.db, adoptedId)) {
    // the adopted plan pairs with nothing more (it is superseded): its open warnings live on in
    // the revision, so no warning counts twice
    if (warning.status === "open") setWarningStatus(deps.db, warning.id, "gone", now);
    const first = moved(warning.a);
    const [a, b] = orderedPair(first, moved(warning.b));
    if (findWarningByPair(deps.db, warning.networkId, a, b)) continue;
    const copy = insertWarning(
      deps.db,
      { networkId: warning.networkId, a, b, score: warning.score, reasons: warning.reasons },
      now,
    );
    if (warning.status !== "open") {
      decideWarning(
        deps.db,
        copy.id,
        {
          status: warning.status,
          decidedBy: warning.decidedBy,
          basis: a === first ? warning.decisionBasis : swapped(warning.decisionBasis),
        },
        now,
      );
    }
  }
}

/** A decision basis ({ a, b }: what each side said) for the pair stored the other way round. */
function swapped(basis: unknown): unknown {
  if (basis === null || typeof basis !== "object") return basis;
  const { a, b, ...rest } = basis as { a?: unknown; b?: unknown };
  return { ...rest, a: b, b: a };
}
