import {
  createDirectory,
  formatBudget,
  formatIndicator,
  objectiveLabel,
  organisationTypeLabel,
  principleLabel,
  sdgTargetLabel,
} from "./describe";
import { STATUS_LABELS } from "./labels";
import { type ExportInput, placedActivities } from "./model";

export type Cell = string | number | null;

/** How a column reads in a spreadsheet: `wrap` columns hold prose and get a fixed width. */
export type Column = { key: string; wrap?: true; number?: true };

/** The 4W matrix: the contract's columns (`id` … `budget`) and the details a reader asks for. */
export const ACTIVITY_COLUMNS = [
  { key: "id" },
  { key: "workplanId" },
  { key: "workplan", wrap: true },
  { key: "title", wrap: true },
  { key: "lead" },
  { key: "leadName", wrap: true },
  { key: "leadType" },
  { key: "partners", wrap: true },
  { key: "locations", wrap: true },
  { key: "start" },
  { key: "end" },
  { key: "status" },
  { key: "gcmObjectives" },
  { key: "gcmObjectiveTitles", wrap: true },
  { key: "sdgTargets" },
  { key: "sdgTargetTitles", wrap: true },
  { key: "principles", wrap: true },
  { key: "targetGroups", wrap: true },
  { key: "budget", wrap: true },
  { key: "budgetAmount", number: true },
  { key: "budgetCurrency" },
  { key: "budgetSecured" },
  { key: "budgetSource", wrap: true },
  { key: "indicators", wrap: true },
  { key: "description", wrap: true },
] as const satisfies readonly Column[];

export type ActivityColumn = (typeof ACTIVITY_COLUMNS)[number]["key"];
export type ActivityRow = Record<ActivityColumn, Cell>;

// one cell holds several values: "; " reads well and survives a CSV round trip
const LIST_SEPARATOR = "; ";

/** One row per activity, workplan by workplan, in document order. */
export function activityRows(input: ExportInput): ActivityRow[] {
  const directory = createDirectory(input.organisations);
  return placedActivities(input).map(({ workplan, activity }) => {
    const lead = activity.lead ? directory.find(activity.lead) : null;
    const budget = activity.budget;
    return {
      id: activity.id,
      workplanId: workplan.id,
      workplan: workplan.title,
      title: activity.title,
      lead: activity.lead ? directory.short(activity.lead) : "",
      leadName: activity.lead ? directory.full(activity.lead) : "",
      leadType: lead ? organisationTypeLabel(lead.type) : "",
      partners: activity.partners.map(directory.short).join(LIST_SEPARATOR),
      locations: activity.locations.join(LIST_SEPARATOR),
      start: activity.start ?? "",
      end: activity.end ?? "",
      status: STATUS_LABELS[activity.status],
      gcmObjectives: activity.gcmObjectives.join(LIST_SEPARATOR),
      gcmObjectiveTitles: activity.gcmObjectives.map(objectiveLabel).join(LIST_SEPARATOR),
      sdgTargets: activity.sdgTargets.join(LIST_SEPARATOR),
      sdgTargetTitles: activity.sdgTargets.map(sdgTargetLabel).join(LIST_SEPARATOR),
      principles: activity.principles.map(principleLabel).join(LIST_SEPARATOR),
      targetGroups: activity.targetGroups.join(LIST_SEPARATOR),
      budget: formatBudget(budget),
      budgetAmount: budget?.amount ?? null,
      budgetCurrency: budget?.currency ?? "",
      budgetSecured: budget && budget.amount !== null ? (budget.secured ? "yes" : "no") : "",
      budgetSource: budget?.source ?? "",
      indicators: activity.indicators.map(formatIndicator).join(LIST_SEPARATOR),
      description: activity.description,
    };
  });
}
