import {
  type Activity,
  type ActivityStatus,
  GCM_OBJECTIVES,
  gcmObjectiveTitle,
} from "@junction/domain";
import type { ExportInput } from "./model";

export type CoverageFilters = {
  /** Only these workplans; all when absent or empty. */
  workplanIds?: readonly string[];
  /** Only activities in this place (compared without case or surrounding spaces). */
  place?: string;
  /** Only activities in these statuses; all when absent or empty. */
  statuses?: readonly ActivityStatus[];
};

export type CoverageCell = {
  /** Organisation id. */
  organisation: string;
  /** Ids of the activities the organisation leads or partners in under this objective. */
  activities: string[];
  /** The subset it leads. */
  leads: string[];
  /** Whether the organisation is in a crowding on this objective. */
  crowded: boolean;
};

export type CoverageActivity = {
  id: string;
  workplanId: string;
  title: string;
  status: ActivityStatus;
  lead: string | null;
  partners: string[];
  locations: string[];
  start: string | null;
  end: string | null;
};

/**
 * Several organisations leading separate activities on one objective in the same place over
 * overlapping periods: `activities` overlap one another in time, each with `place` among its
 * places, and are led by at least two organisations.
 */
export type Crowding = {
  objective: number;
  place: string;
  /** The months all of them share when they have a common span, else the span of the group. */
  start: string;
  end: string;
  organisations: string[];
  activities: string[];
};

export type Coverage = {
  /** The contract: all 23 objectives, each with the organisations that work on it. */
  objectives: {
    objective: number;
    title: string;
    /** Nobody works on it (after the filters). */
    gap: boolean;
    organisations: CoverageCell[];
  }[];
  /** Objectives nobody works on. */
  gaps: number[];
  crowding: Crowding[];
  /** The columns of the matrix: every organisation of the network, in the order given. */
  organisations: { id: string; name: string; acronym: string; type: string }[];
  /** Details of every activity the matrix counts, for the cells' links. */
  activities: CoverageActivity[];
};

function key(place: string): string {
  return place.trim().toLowerCase();
}

/** The months an activity runs: start to end, a single month when one of them is missing. */
function span(activity: Activity): [string, string] | null {
  const start = activity.start ?? activity.end;
  const end = activity.end ?? activity.start;
  if (!start || !end) return null;
  return start <= end ? [start, end] : [end, start];
}

type Spanned = { activity: Activity; start: string; end: string };

/** Groups of activities whose periods overlap one another, chained (a–b and b–c: one group). */
function overlappingGroups(items: Spanned[]): Spanned[][] {
  const sorted = [...items].sort((a, b) => a.start.localeCompare(b.start));
  const groups: Spanned[][] = [];
  let current: Spanned[] = [];
  let reach = "";
  for (const item of sorted) {
    if (current.length > 0 && item.start <= reach) {
      current.push(item);
      if (item.end > reach) reach = item.end;
    } else {
      if (current.length > 0) groups.push(current);
      current = [item];
      reach = item.end;
    }
  }
  if (current.length > 0) groups.push(current);
  return groups;
}

function crowdingOn(
  objective: number,
  activities: readonly Activity[],
  known: (id: string) => boolean,
): Crowding[] {
  const byPlace = new Map<string, { place: string; items: Spanned[] }>();
  for (const activity of activities) {
    const months = span(activity);
    if (!months || !activity.lead || !known(activity.lead)) continue;
    for (const place of new Set(activity.locations.map(key))) {
      if (place === "") continue;
      const label = activity.locations.find((l) => key(l) === place) ?? place;
      const entry = byPlace.get(place) ?? { place: label.trim(), items: [] };
      entry.items.push({ activity, start: months[0], end: months[1] });
      byPlace.set(place, entry);
    }
  }
  const found: Crowding[] = [];
  for (const { place, items } of byPlace.values()) {
    for (const group of overlappingGroups(items)) {
      const leads = [...new Set(group.map((item) => item.activity.lead as string))];
      if (leads.length < 2) continue;
      const starts = group.map((item) => item.start).sort();
      const ends = group.map((item) => item.end).sort();
      const latestStart = starts[starts.length - 1] ?? "";
      const earliestEnd = ends[0] ?? "";
      const shared = latestStart <= earliestEnd;
      found.push({
        objective,
        place,
        start: shared ? latestStart : (starts[0] ?? ""),
        end: shared ? earliestEnd : (ends[ends.length - 1] ?? ""),
        organisations: leads,
        activities: group.map((item) => item.activity.id),
      });
    }
  }
  return found;
}

/**
 * The matrix GCM objectives × organisations: for each of the 23 objectives, the network's
 * organisations that lead or partner in an activity tagged with it (unknown organisations are
 * not counted), gaps (objectives nobody works on) and crowding (see `Crowding`).
 */
export function computeCoverage(input: ExportInput, filters: CoverageFilters = {}): Coverage {
  const known = new Set(input.organisations.map((organisation) => organisation.id));
  const workplans = filters.workplanIds?.length ? new Set(filters.workplanIds) : null;
  const statuses = filters.statuses?.length ? new Set(filters.statuses) : null;
  const place = filters.place?.trim() ? key(filters.place) : null;

  const counted: { workplanId: string; activity: Activity }[] = [];
  for (const workplan of input.workplans) {
    if (workplans && !workplans.has(workplan.id)) continue;
    for (const activity of workplan.activities) {
      if (statuses && !statuses.has(activity.status)) continue;
      if (place && !activity.locations.some((l) => key(l) === place)) continue;
      counted.push({ workplanId: workplan.id, activity });
    }
  }

  const crowding: Crowding[] = [];
  const objectives = GCM_OBJECTIVES.map(({ number }) => {
    const tagged = counted.filter(({ activity }) => activity.gcmObjectives.includes(number));
    const found = crowdingOn(
      number,
      tagged.map((t) => t.activity),
      (id) => known.has(id),
    );
    crowding.push(...found);
    const crowded = new Set(found.flatMap((c) => c.organisations));
    const cells = new Map<string, CoverageCell>();
    for (const { activity } of tagged) {
      const organisations = [activity.lead, ...activity.partners].filter(
        (id): id is string => id !== null && known.has(id),
      );
      for (const organisation of new Set(organisations)) {
        const cell = cells.get(organisation) ?? {
          organisation,
          activities: [],
          leads: [],
          crowded: crowded.has(organisation),
        };
        if (!cell.activities.includes(activity.id)) cell.activities.push(activity.id);
        if (activity.lead === organisation && !cell.leads.includes(activity.id)) {
          cell.leads.push(activity.id);
        }
        cells.set(organisation, cell);
      }
    }
    const order = input.organisations.map((o) => o.id);
    const organisations = [...cells.values()].sort(
      (a, b) => order.indexOf(a.organisation) - order.indexOf(b.organisation),
    );
    return {
      objective: number,
      title: gcmObjectiveTitle(number, input.locale ?? "en"),
      gap: organisations.length === 0,
      organisations,
    };
  });

  return {
    objectives,
    gaps: objectives.filter((o) => o.gap).map((o) => o.objective),
    crowding,
    organisations: input.organisations.map(({ id, name, acronym, type }) => ({
      id,
      name,
      acronym,
      type,
    })),
    activities: counted.map(({ workplanId, activity }) => ({
      id: activity.id,
      workplanId,
      title: activity.title,
      status: activity.status,
      lead: activity.lead,
      partners: activity.partners,
      locations: activity.locations,
      start: activity.start,
      end: activity.end,
    })),
  };
}
