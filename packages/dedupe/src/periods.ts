export type Period = { start: number; end: number };

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
];

function parseMonth(value: string | null | undefined): number | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value ?? "");
  if (!match) return null;
  return Number(match[1]) * 12 + Number(match[2]) - 1;
}

/** A period from `YYYY-MM` bounds; one missing bound stands for the other. */
export function parsePeriod(
  start: string | null | undefined,
  end: string | null | undefined,
): Period | null {
  const from = parseMonth(start);
  const to = parseMonth(end);
  if (from === null && to === null) return null;
  const first = from ?? to ?? 0;
  const last = to ?? from ?? 0;
  return first <= last ? { start: first, end: last } : { start: last, end: first };
}

export function overlapOf(a: Period, b: Period): Period | null {
  const start = Math.max(a.start, b.start);
  const end = Math.min(a.end, b.end);
  return start <= end ? { start, end } : null;
}

/** Months between two periods that do not meet (0 when they touch or overlap). */
export function gapBetween(a: Period, b: Period): number {
  return Math.max(0, Math.max(a.start, b.start) - Math.min(a.end, b.end) - 1);
}

function monthLabel(month: number, withYear: boolean): string {
  const name = MONTH_NAMES[month % 12] ?? "";
  return withYear ? `${name} ${Math.floor(month / 12)}` : name;
}

/** "Mar-Sep 2022", "Jul 2022-Mar 2023", "Sep 2024". */
export function formatPeriod(period: Period): string {
  if (period.start === period.end) return monthLabel(period.start, true);
  const sameYear = Math.floor(period.start / 12) === Math.floor(period.end / 12);
  return `${monthLabel(period.start, !sameYear)}-${monthLabel(period.end, true)}`;
}

export function monthsIn(period: Period): number {
  return period.end - period.start + 1;
}
