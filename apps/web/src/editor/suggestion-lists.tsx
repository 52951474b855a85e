import { type Activity, CURRENCIES, TARGET_GROUPS } from "@junction/domain";
import { memo, useId, useMemo, useRef } from "react";
import { FUNDING_SOURCES } from "./activity-fields";
import type { EditorContextValue } from "./editor-context";

type ListIds = EditorContextValue["lists"];

/** Datalist ids for the fields' suggestions, stable for the editor's lifetime. */
export function useSuggestionListIds(): ListIds {
  const locations = useId();
  const targetGroups = useId();
  const currencies = useId();
  const sources = useId();
  return useMemo(
    () => ({ locations, targetGroups, currencies, sources }),
    [locations, targetGroups, currencies, sources],
  );
}

function uniqueSorted(values: Iterable<string>): string[] {
  const byKey = new Map<string, string>();
  for (const value of values) {
    const trimmed = value.trim();
    if (trimmed !== "" && !byKey.has(trimmed.toLowerCase()))
      byKey.set(trimmed.toLowerCase(), trimmed);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b));
}

/** Stable identity while the contents are equal, so what shows them does not re-render. */
function useStableList(values: string[]): string[] {
  const ref = useRef(values);
  if (ref.current.join("\u0000") !== values.join("\u0000")) ref.current = values;
  return ref.current;
}

/** The suggestions beside the editor: this workplan's places and groups and the network's. */
export function SuggestionLists({
  ids,
  activities,
  networkSuggestions,
}: {
  ids: ListIds;
  activities: readonly Activity[];
  networkSuggestions: { locations: readonly string[]; targetGroups: readonly string[] };
}) {
  const locations = useStableList(
    uniqueSorted([...networkSuggestions.locations, ...activities.flatMap((a) => a.locations)]),
  );
  const targetGroups = useStableList(
    uniqueSorted([
      ...TARGET_GROUPS.map((g) => g.label),
      ...networkSuggestions.targetGroups,
      ...activities.flatMap((a) => a.targetGroups),
    ]),
  );
  return <Datalists ids={ids} locations={locations} targetGroups={targetGroups} />;
}

const CURRENCY_CODES = CURRENCIES.map((currency) => currency.code);

const Datalists = memo(function Datalists({
  ids,
  locations,
  targetGroups,
}: {
  ids: ListIds;
  locations: readonly string[];
  targetGroups: readonly string[];
}) {
  return (
    <>
      <datalist id={ids.locations}>
        {locations.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <datalist id={ids.targetGroups}>
        {targetGroups.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <datalist id={ids.currencies}>
        {CURRENCY_CODES.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
      <datalist id={ids.sources}>
        {FUNDING_SOURCES.map((value) => (
          <option key={value} value={value} />
        ))}
      </datalist>
    </>
  );
});
