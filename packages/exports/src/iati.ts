import type { Activity, Budget } from "@junction/domain";
import { createDirectory, type Directory, objectiveTitle } from "./describe";
import {
  ACTIVITY_STATUS_CODES,
  iatiCode,
  iatiCodeName,
  iatiCountryCode,
  isIatiCode,
  ORGANISATION_TYPE_CODES,
} from "./iati-codes";
import type { IatiSettings } from "./iati-settings";
import type { ExportInput, ExportOrganisation, ExportWorkplan } from "./model";
import { escapeXml } from "./xml";

/** The Global Compact for Migration (A/RES/73/195): the vocabulary of the GCM objective tags. */
export const GCM_VOCABULARY_URI = "https://undocs.org/A/RES/73/195";

// IATI identifiers and refs may not hold these (IATI Standard ruleset, regex on identifiers)
const IDENTIFIER_PART = /^[A-Za-z0-9._-]+$/;
const SAFE_REF = /^[^\s/&|?]+$/;

export type IatiSkipped = {
  workplanId: string;
  activityId: string;
  title: string;
  /** Why IATI cannot take it as it is: what to fill in or fix. */
  reasons: string[];
};

export type IatiNotice = { workplanId: string | null; activityId: string | null; message: string };

export type IatiExport = {
  /** The IATI activity file; null when no activity could be written (the schema needs one). */
  xml: string | null;
  exported: { workplanId: string; activityId: string; identifier: string }[];
  skipped: IatiSkipped[];
  /** What was left out of activities that were exported, and why. */
  notices: IatiNotice[];
};

type Element = { name: string; attributes?: Record<string, string | undefined>; children?: Node[] };
type Node = Element | { text: string };

function el(name: string, attributes: Element["attributes"] = {}, ...children: Node[]): Element {
  return { name, attributes, children };
}

function narrative(text: string): Element {
  return el("narrative", {}, { text });
}

function render(node: Node, depth: number, out: string[]): void {
  if ("text" in node) {
    out.push(escapeXml(node.text));
    return;
  }
  const attributes = Object.entries(node.attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(value)}"`)
    .join("");
  const pad = "  ".repeat(depth);
  const children = node.children ?? [];
  if (children.length === 0) out.push(`${pad}<${node.name}${attributes}/>\n`);
  else if (children.every((child) => "text" in child)) {
    out.push(`${pad}<${node.name}${attributes}>`);
    for (const child of children) render(child, depth + 1, out);
    out.push(`</${node.name}>\n`);
  } else {
    out.push(`${pad}<${node.name}${attributes}>\n`);
    for (const child of children) render(child, depth + 1, out);
    out.push(`${pad}</${node.name}>\n`);
  }
}

function firstDay(month: string): string {
  return `${month}-01`;
}

function lastDay(month: string): string {
  const [year, number] = month.split("-").map(Number) as [number, number];
  const day = new Date(Date.UTC(year, number, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, "0")}`;
}

function monthsCovered(start: string, end: string): number {
  const [sy, sm] = start.split("-").map(Number) as [number, number];
  const [ey, em] = end.split("-").map(Number) as [number, number];
  return ey * 12 + em - (sy * 12 + sm) + 1;
}

function participant(
  organisation: ExportOrganisation,
  role: string,
  directory: Directory,
): Element {
  const type = ORGANISATION_TYPE_CODES[organisation.type];
  const ref = organisation.iatiRef?.trim();
  return el(
    "participating-org",
    {
      ref: ref && SAFE_REF.test(ref) ? ref : undefined,
      role: iatiCode("OrganisationRole", role),
      type: type ? iatiCode("OrganisationType", type) : undefined,
    },
    narrative(directory.full(organisation.id)),
  );
}

/** Organisations the budget's source names: the whole source, or "<organisation> core funds". */
function funders(budget: Budget | null, organisations: readonly ExportOrganisation[]) {
  const source = budget?.source.trim().toLowerCase();
  if (!source) return [];
  return organisations.filter((organisation) =>
    [organisation.name, organisation.acronym]
      .map((name) => name.trim().toLowerCase())
      .filter(Boolean)
      .some((name) => source === name || source === `${name} core funds`),
  );
}

type Written = { element: Element; notices: string[] };

function reasonsNotToWrite(activity: Activity, directory: Directory, identifier: string): string[] {
  const reasons: string[] = [];
  if (!IDENTIFIER_PART.test(activity.id)) {
    reasons.push(
      `its id "${activity.id}" holds characters an IATI identifier may not (only letters, digits, ".", "_" and "-")`,
    );
  }
  if (identifier.length > 200)
    reasons.push("its IATI identifier would be longer than 200 characters");
  if (activity.title.trim() === "") reasons.push("it has no title");
  if (activity.description.trim() === "") {
    reasons.push("it has no description (IATI requires one)");
  }
  if (activity.lead === null) reasons.push("it has no lead organisation");
  else if (!directory.find(activity.lead)) {
    reasons.push(`its lead "${activity.lead}" is not an organisation of the network`);
  }
  if (activity.start === null) reasons.push("it has no start month");
  if (activity.start && activity.end && activity.end < activity.start) {
    reasons.push("it ends before it starts");
  }
  return reasons;
}

function budgetElement(activity: Activity, notices: string[]): Element | null {
  const budget = activity.budget;
  if (!budget || budget.amount === null) return null;
  const currency = budget.currency.trim().toUpperCase();
  if (!isIatiCode("Currency", currency)) {
    notices.push(`budget left out: "${budget.currency}" is not a currency code IATI knows`);
    return null;
  }
  if (!activity.start || !activity.end) {
    notices.push("budget left out: without an end month its period is unknown");
    return null;
  }
  const months = monthsCovered(activity.start, activity.end);
  if (months > 12) {
    // splitting one total into years would invent figures the plan does not hold
    notices.push(
      `budget left out: it covers ${months} months, and an IATI budget covers one year at most`,
    );
    return null;
  }
  return el(
    "budget",
    {
      type: iatiCode("BudgetType", "1"),
      status: iatiCode("BudgetStatus", budget.secured ? "2" : "1"),
    },
    el("period-start", { "iso-date": firstDay(activity.start) }),
    el("period-end", { "iso-date": lastDay(activity.end) }),
    el(
      "value",
      { currency: iatiCode("Currency", currency), "value-date": firstDay(activity.start) },
      { text: String(budget.amount) },
    ),
  );
}

function activityElement(
  activity: Activity,
  identifier: string,
  context: {
    settings: IatiSettings;
    reporter: string;
    directory: Directory;
    organisations: readonly ExportOrganisation[];
    country: string | null;
    countryName: string;
  },
): Written {
  const { settings, directory } = context;
  const notices: string[] = [];
  const lead = directory.find(activity.lead ?? "") as ExportOrganisation;
  const participants: Element[] = [];
  for (const funder of funders(activity.budget, context.organisations)) {
    participants.push(participant(funder, "1", directory));
  }
  participants.push(participant(lead, "2", directory));
  for (const partnerId of new Set(activity.partners)) {
    if (partnerId === lead.id) continue;
    const partner = directory.find(partnerId);
    if (partner) participants.push(participant(partner, "4", directory));
    else notices.push(`partner "${partnerId}" left out: not an organisation of the network`);
  }

  const children: Element[] = [
    el("iati-identifier", {}, { text: identifier }),
    el(
      "reporting-org",
      {
        ref: settings.prefix,
        type: iatiCode("OrganisationType", settings.reportingOrgType),
        // the network reports work its members lead: a secondary reporter, unless it leads it
        "secondary-reporter": lead.iatiRef === settings.prefix ? undefined : "1",
      },
      narrative(context.reporter),
    ),
    el("title", {}, narrative(activity.title.trim())),
    el(
      "description",
      { type: iatiCode("DescriptionType", "1") },
      narrative(activity.description.trim()),
    ),
    ...participants,
    el("activity-status", {
      code: iatiCode("ActivityStatus", ACTIVITY_STATUS_CODES[activity.status]),
    }),
  ];
  if (activity.start) {
    children.push(
      el("activity-date", {
        type: iatiCode("ActivityDateType", "1"),
        "iso-date": firstDay(activity.start),
      }),
    );
  }
  if (activity.end) {
    children.push(
      el("activity-date", {
        type: iatiCode("ActivityDateType", "3"),
        "iso-date": lastDay(activity.end),
      }),
    );
  }
  if (context.country) {
    children.push(
      el("recipient-country", { code: iatiCode("Country", context.country), percentage: "100" }),
    );
  }
  const country = context.countryName.trim().toLowerCase();
  for (const place of new Set(activity.locations.map((location) => location.trim()))) {
    if (place === "" || place.toLowerCase() === country) continue;
    children.push(el("location", {}, el("name", {}, narrative(place))));
  }
  if (settings.sector) {
    children.push(
      el(
        "sector",
        {
          vocabulary: iatiCode("SectorVocabulary", "1"),
          code: iatiCode("Sector", settings.sector),
          percentage: "100",
        },
        narrative(iatiCodeName("Sector", settings.sector) ?? settings.sector),
      ),
    );
  }
  for (const target of activity.sdgTargets) {
    const name = iatiCodeName("UNSDG-Targets", target);
    if (name === null) {
      notices.push(`SDG target "${target}" left out: not in the UN's list of SDG targets`);
      continue;
    }
    children.push(
      el("tag", { vocabulary: iatiCode("TagVocabulary", "3"), code: target }, narrative(name)),
    );
  }
  for (const objective of activity.gcmObjectives) {
    children.push(
      el(
        "tag",
        {
          vocabulary: iatiCode("TagVocabulary", "99"),
          "vocabulary-uri": GCM_VOCABULARY_URI,
          code: String(objective),
        },
        narrative(`GCM objective ${objective}: ${objectiveTitle(objective)}`),
      ),
    );
  }
  const budget = budgetElement(activity, notices);
  if (budget) children.push(budget);

  return {
    element: el(
      "iati-activity",
      { "xml:lang": iatiCode("Language", settings.language) },
      ...children,
    ),
    notices,
  };
}

/**
 * The activities as an IATI 2.03 activity file: one `iati-activity` per activity, identified as
 * `<prefix>-<activity id>`. Activities IATI cannot take as they are (no lead, no start, no
 * description…) are listed in `skipped` with the reasons, never filled in with made-up values;
 * parts left out of exported activities are listed in `notices`.
 */
export function writeIati(input: ExportInput, settings: IatiSettings): IatiExport {
  const directory = createDirectory(input.organisations);
  const country = iatiCountryCode(input.network.country);
  const result: IatiExport = { xml: null, exported: [], skipped: [], notices: [] };
  if (!country) {
    result.notices.push({
      workplanId: null,
      activityId: null,
      message: `no recipient country: the network's country "${input.network.country}" is not an ISO 3166-1 country IATI knows`,
    });
  }
  if (!settings.sector) {
    result.notices.push({
      workplanId: null,
      activityId: null,
      message:
        "no sector: set the network's DAC sector in its IATI settings; IATI asks every activity for one",
    });
  }
  const context = {
    settings,
    reporter: settings.reportingOrgName?.trim() || input.network.name,
    directory,
    organisations: input.organisations,
    country,
    countryName: input.network.country,
  };
  const seen = new Map<string, ExportWorkplan>();
  const out: string[] = [];
  let indicators = false;
  for (const workplan of input.workplans) {
    for (const activity of workplan.activities) {
      const identifier = `${settings.prefix}-${activity.id}`;
      const reasons = reasonsNotToWrite(activity, directory, identifier);
      const earlier = seen.get(identifier);
      if (earlier) reasons.push(`the same identifier was already exported from "${earlier.title}"`);
      if (reasons.length > 0) {
        result.skipped.push({
          workplanId: workplan.id,
          activityId: activity.id,
          title: activity.title,
          reasons,
        });
        continue;
      }
      seen.set(identifier, workplan);
      const written = activityElement(activity, identifier, context);
      render(written.element, 1, out);
      result.exported.push({ workplanId: workplan.id, activityId: activity.id, identifier });
      for (const message of written.notices) {
        result.notices.push({ workplanId: workplan.id, activityId: activity.id, message });
      }
      if (activity.indicators.length > 0) indicators = true;
    }
  }
  if (indicators) {
    result.notices.push({
      workplanId: null,
      activityId: null,
      message:
        "indicators are not exported: an IATI result needs a baseline year and numeric values, which activities do not record",
    });
  }
  if (result.exported.length === 0) return result;
  result.xml = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    `<iati-activities version="2.03" generated-datetime="${escapeXml(input.generatedAt)}">\n`,
    ...out,
    "</iati-activities>\n",
  ].join("");
  return result;
}
