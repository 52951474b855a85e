import { GCM_OBJECTIVE_TITLES } from "./catalogues/gcm-objective-titles";
import { GCM_OBJECTIVES } from "./catalogues/gcm-objectives";

const ENGLISH = new Map(GCM_OBJECTIVES.map((objective) => [objective.number, objective.title]));

/**
 * GCM objective n's title in a language (a locale code such as `fr` or `fr-CA`), as A/RES/73/195
 * words it; English where no translation is held; "" for a number outside 1–23.
 */
export function gcmObjectiveTitle(objective: number, locale: string): string {
  const primary = locale.toLowerCase().split(/[-_]/)[0] ?? "";
  const titles = (
    GCM_OBJECTIVE_TITLES as Readonly<Record<string, Readonly<Record<number, string>>>>
  )[primary];
  return titles?.[objective] ?? ENGLISH.get(objective) ?? "";
}
