import type { ActivityStatus, Stage } from "@junction/domain";

// English wording of the files; one place to translate when exports follow the user's language
export const STAGE_LABELS: Record<Stage, string> = {
  draft: "Draft",
  consultation: "Consultation",
  validation: "Validation",
  adopted: "Adopted",
};

export const STATUS_LABELS: Record<ActivityStatus, string> = {
  planned: "Planned",
  ongoing: "Ongoing",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const FIELD_LABELS = {
  lead: "Lead",
  partners: "Partners",
  gcmObjectives: "GCM objectives",
  principles: "Guiding principles",
  sdgTargets: "SDG targets",
  locations: "Places",
  targetGroups: "Target groups",
  period: "Period",
  budget: "Budget",
  status: "Status",
  indicators: "Indicators",
  indicator: "Indicator",
  baseline: "Baseline",
  target: "Target",
  meansOfVerification: "Means of verification",
} as const;

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2021-03" as "Mar 2021". */
export function formatMonth(month: string): string {
  const [year, number] = month.split("-");
  return `${MONTHS[Number(number) - 1]?.slice(0, 3) ?? number} ${year}`;
}

export function formatPeriod(start: string | null, end: string | null): string {
  if (start && end) return `${formatMonth(start)} – ${formatMonth(end)}`;
  if (start) return `from ${formatMonth(start)}`;
  if (end) return `until ${formatMonth(end)}`;
  return "";
}

/** An ISO date or date-time as "3 December 2026" (the date part as written, no time zone shift). */
export function formatDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[Number(month) - 1] ?? month} ${year}`;
}

/** 1234567.5 as "1,234,567.5": the same in every locale the server might run in. */
export function formatAmount(amount: number): string {
  const [whole = "0", fraction] = (Math.round(amount * 100) / 100).toString().split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return fraction ? `${grouped}.${fraction.padEnd(2, "0")}` : grouped;
}

export function openSuggestionsNote(count: number | undefined): string | null {
  if (!count || count <= 0) return null;
  return count === 1
    ? "1 suggestion on this text is still open and is not included."
    : `${count} suggestions on this text are still open and are not included.`;
}
