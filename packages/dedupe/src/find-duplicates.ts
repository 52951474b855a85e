import { createDedupeIndex } from "./dedupe-index";
import type { DedupeInput, DuplicatePair } from "./types";

/** One-shot run over a whole network: the pairs judged duplicates, best first. */
export function findDuplicates(input: DedupeInput): DuplicatePair[] {
  const index = createDedupeIndex({
    organisations: input.organisations,
    threshold: input.threshold,
    model: input.model,
  });
  for (const activity of input.activities) index.upsert(activity);
  return index.allPairs();
}
