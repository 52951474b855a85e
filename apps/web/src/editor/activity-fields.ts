import {
  ACTIVITY_STATUSES,
  type ActivityStatus,
  type Budget,
  budgetSchema,
  type Indicator,
  indicatorSchema,
  MONTH,
} from "@junction/domain";

// node attributes arrive as whatever a client stored: read them as leniently as readActivities does

export function asString(value: unknown): string {
  return typeof value === "string" ? value : "";
}

export function asStringList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return value.filter((item): item is string => typeof item === "string" && item.trim() !== "");
}

export function asObjectiveList(value: unknown): number[] {
  if (!Array.isArray(value)) return [];
  const numbers = value.map(Number).filter((n) => Number.isInteger(n) && n >= 1 && n <= 23);
  return [...new Set(numbers)].sort((a, b) => a - b);
}

export function asMonth(value: unknown): string {
  return typeof value === "string" && MONTH.test(value) ? value : "";
}

export function asStatus(value: unknown): ActivityStatus {
  return ACTIVITY_STATUSES.find((status) => status === value) ?? "planned";
}

export function asBudget(value: unknown): Budget | null {
  const parsed = budgetSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function asIndicators(value: unknown): Indicator[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = indicatorSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export const STATUS_LABELS: Record<ActivityStatus, string> = {
  planned: "Planned",
  ongoing: "Ongoing",
  completed: "Completed",
  cancelled: "Cancelled",
};

export const EMPTY_BUDGET: Budget = { amount: null, currency: "USD", source: "", secured: false };

export const CURRENCIES = ["USD", "EUR", "GEL", "CHF", "GBP", "SEK", "NOK", "JPY"] as const;
export const FUNDING_SOURCES = [
  "Migration Multi-Partner Trust Fund",
  "Core funds",
  "European Union",
  "Government budget",
  "Bilateral donor",
] as const;

const MONTH_NAMES = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

export function formatMonth(month: string): string {
  if (!MONTH.test(month)) return "";
  const [year, m] = month.split("-");
  return `${MONTH_NAMES[Number(m) - 1] ?? ""} ${year}`;
}
