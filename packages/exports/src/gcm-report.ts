import {
  ACTIVITY_STATUSES,
  type Activity,
  type ActivityStatus,
  GCM_OBJECTIVES,
  gcmObjectiveTitle,
  type Indicator,
  type Stage,
} from "@junction/domain";
import { createDirectory } from "./describe";
import type { ExportInput } from "./model";

export type ReportOrganisation = { id: string; name: string };

export type ReportActivity = {
  id: string;
  workplanId: string;
  title: string;
  lead: ReportOrganisation | null;
  partners: ReportOrganisation[];
  start: string | null;
  end: string | null;
  budget: { amount: number | null; currency: string; secured: boolean; source: string } | null;
  indicators: Indicator[];
};

/** Budget of one currency: amounts in different currencies are never added up. */
export type ReportBudget = {
  currency: string;
  /** Everything the activities need, secured or not. */
  required: number;
  secured: number;
  /** required - secured. */
  gap: number;
  activities: number;
};

export type ReportObjective = {
  objective: number;
  title: string;
  activityCount: number;
  activities: Record<ActivityStatus, ReportActivity[]>;
  indicators: (Indicator & { activityId: string })[];
  budget: ReportBudget[];
  /** Activities with a budget but no amount, which no total can include. */
  activitiesWithoutAmount: number;
  leads: ReportOrganisation[];
  partners: ReportOrganisation[];
};

export type GcmReport = {
  network: { id: string; name: string };
  workplans: { id: string; title: string; stage: Stage; version: string | null }[];
  generatedAt: string;
  /** All 23 objectives; an activity tagged with several counts under each of them. */
  objectives: ReportObjective[];
  /** Activities tagged with no GCM objective, which the report cannot place. */
  untagged: { id: string; workplanId: string; title: string }[];
};

function emptyByStatus(): Record<ActivityStatus, ReportActivity[]> {
  return Object.fromEntries(ACTIVITY_STATUSES.map((status) => [status, []])) as unknown as Record<
    ActivityStatus,
    ReportActivity[]
  >;
}

/** Adds amounts in cents, so 0.1 + 0.2 stays 0.3. */
function add(a: number, b: number): number {
  return Math.round((a + b) * 100) / 100;
}

/**
 * The national GCM review's view of the network: per GCM objective, the activities by status,
 * their indicators (baseline, target, means of verification), the budget secured against
 * required per currency, and the lead and partner organisations.
 */
export function buildGcmReport(input: ExportInput): GcmReport {
  const directory = createDirectory(input.organisations);
  const organisation = (id: string): ReportOrganisation => ({ id, name: directory.full(id) });
  const tagged = new Map<number, { workplanId: string; activity: Activity }[]>();
  const untagged: GcmReport["untagged"] = [];
  for (const workplan of input.workplans) {
    for (const activity of workplan.activities) {
      if (activity.gcmObjectives.length === 0) {
        untagged.push({ id: activity.id, workplanId: workplan.id, title: activity.title });
      }
      for (const objective of new Set(activity.gcmObjectives)) {
        const list = tagged.get(objective) ?? [];
        list.push({ workplanId: workplan.id, activity });
        tagged.set(objective, list);
      }
    }
  }

  const objectives = GCM_OBJECTIVES.map(({ number }): ReportObjective => {
    const entries = tagged.get(number) ?? [];
    const activities = emptyByStatus();
    const indicators: ReportObjective["indicators"] = [];
    const budgets = new Map<string, ReportBudget>();
    const leads = new Set<string>();
    const partners = new Set<string>();
    let activitiesWithoutAmount = 0;
    for (const { workplanId, activity } of entries) {
      activities[activity.status].push({
        id: activity.id,
        workplanId,
        title: activity.title,
        lead: activity.lead ? organisation(activity.lead) : null,
        partners: activity.partners.map(organisation),
        start: activity.start,
        end: activity.end,
        budget: activity.budget,
        indicators: activity.indicators,
      });
      for (const indicator of activity.indicators)
        indicators.push({ ...indicator, activityId: activity.id });
      if (activity.lead) leads.add(activity.lead);
      for (const partner of activity.partners) partners.add(partner);
      const budget = activity.budget;
      if (!budget) continue;
      if (budget.amount === null) {
        activitiesWithoutAmount++;
        continue;
      }
      // a cancelled activity needs no money
      if (activity.status === "cancelled") continue;
      const currency = budget.currency.trim().toUpperCase() || "unknown currency";
      const total = budgets.get(currency) ?? {
        currency,
        required: 0,
        secured: 0,
        gap: 0,
        activities: 0,
      };
      total.required = add(total.required, budget.amount);
      if (budget.secured) total.secured = add(total.secured, budget.amount);
      total.gap = add(total.required, -total.secured);
      total.activities++;
      budgets.set(currency, total);
    }
    return {
      objective: number,
      title: gcmObjectiveTitle(number, input.locale ?? "en"),
      activityCount: entries.length,
      activities,
      indicators,
      budget: [...budgets.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
      activitiesWithoutAmount,
      leads: [...leads].map(organisation),
      partners: [...partners].map(organisation),
    };
  });

  return {
    network: { id: input.network.id, name: input.network.name },
    workplans: input.workplans.map((w) => ({
      id: w.id,
      title: w.title,
      stage: w.stage,
      version: w.version?.name ?? null,
    })),
    generatedAt: input.generatedAt,
    objectives,
    untagged,
  };
}
