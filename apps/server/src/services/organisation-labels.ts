import type { Activity, IndexedActivity } from "@junction/domain";
import { listOrganisations, listOrganisationsById } from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";

/** How organisations are named in the activity index, warnings and dedupe: acronym, else name. */
export type OrganisationLabels = {
  /** The label of one of the network's own organisations; any other id stays as written. */
  labelOf(id: string): string;
  /** The network's organisations as the dedupe engine takes them. */
  records: { id: string; name: string; acronym: string }[];
};

/**
 * Names only the network's own organisations: a document may hold any id (an editor can type
 * another network's), and naming it would tell members of one network about another.
 */
export function organisationLabels(deps: Pick<Deps, "db">, networkId: string): OrganisationLabels {
  const organisations = listOrganisations(deps.db, networkId);
  return {
    labelOf: labelling(organisations),
    records: organisations.map((o) => ({ id: o.id, name: o.name, acronym: o.acronym })),
  };
}

/**
 * The same labels for `ids` alone (e.g. the leads on one page of warnings): one query by key,
 * however many organisations the network has.
 */
export function organisationLabelsOf(
  deps: Pick<Deps, "db">,
  networkId: string,
  ids: Iterable<string>,
): OrganisationLabels["labelOf"] {
  return labelling(listOrganisationsById(deps.db, networkId, [...new Set(ids)]));
}

function labelling(
  organisations: readonly { id: string; name: string; acronym: string }[],
): OrganisationLabels["labelOf"] {
  const labels = new Map(organisations.map((o) => [o.id, o.acronym || o.name]));
  return (id) => labels.get(id) ?? id;
}

/** An activity as the index answers it: organisations named by `labelOf`, their ids beside. */
export function indexedActivity(
  activity: Activity & { workplanId: string },
  labelOf: OrganisationLabels["labelOf"],
): IndexedActivity {
  return {
    ...activity,
    lead: activity.lead === null ? null : labelOf(activity.lead),
    partners: activity.partners.map(labelOf),
    leadId: activity.lead,
    partnerIds: activity.partners,
  };
}

/**
 * The organisation a `?organisation=` filter names, as an id: its id, or its acronym or name as
 * the index and warnings show it (any case). One that is not the network's own, or that two of
 * its organisations answer to, is refused: an empty list would read as "leads nothing".
 */
export function organisationFilter(
  deps: Pick<Deps, "db">,
  networkId: string,
  organisation: string | undefined,
): string | undefined {
  if (organisation === undefined) return undefined;
  const organisations = listOrganisations(deps.db, networkId);
  if (organisations.some((o) => o.id === organisation)) return organisation;
  const wanted = organisation.trim().toLocaleLowerCase();
  const named = organisations.filter(
    (o) => o.acronym.toLocaleLowerCase() === wanted || o.name.toLocaleLowerCase() === wanted,
  );
  if (named.length === 1) return named[0]?.id;
  throw new AppError("bad_request", msg("warning.organisationOutside", { organisation }));
}
