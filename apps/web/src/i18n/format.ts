// Dates, months, numbers and money as the reader's language writes them (Intl), never by hand.
// Components take these bound to the language in use from `useFormat()`; pure code passes a locale.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

let currentLocale = "en";

/** UN English writes "3 March 2025" and 24-hour times: British conventions for `en`. */
function intlLocale(locale: string): string {
  return locale === "en" ? "en-GB" : locale;
}

/** Called by the locale provider: the language `lib/format` uses where no locale is passed. */
export function setFormatLocale(locale: string): void {
  currentLocale = locale;
}

export function formatLocale(): string {
  return currentLocale;
}

const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  // the key names the kind of formatter: the one stored under it is always a T
  return formatter as T;
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`date:${locale}:${JSON.stringify(options)}`, () => {
    return new Intl.DateTimeFormat(intlLocale(locale), options);
  });
}

function toTime(value: string | number | Date): number {
  if (value instanceof Date) return value.getTime();
  return typeof value === "number" ? value : Date.parse(value);
}

/** "3 Mar 2025", "3 mars 2025", "٣ مارس ٢٠٢٥"; "—" for a date that cannot be read. */
export function formatDate(value: string | number | Date, locale = currentLocale): string {
  const time = toTime(value);
  if (Number.isNaN(time)) return "—";
  return dateFormat(locale, { day: "numeric", month: "short", year: "numeric" }).format(time);
}

/** A date and the time of day. */
export function formatDateTime(value: string | number | Date, locale = currentLocale): string {
  const time = toTime(value);
  if (Number.isNaN(time)) return "—";
  return dateFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(time);
}

/** A calendar date kept as `YYYY-MM-DD` (a deadline), shown without a time-zone shift. */
export function formatCalendarDate(isoDate: string, locale = currentLocale): string {
  const time = Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(time)) return "—";
  return dateFormat(locale, {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(time);
}

/** A month of a year ("2025-03" or a date in it): "March 2025", "mars 2025", "март 2025 г.". */
export function formatMonth(value: string, locale = currentLocale): string {
  const time = Date.parse(`${value.slice(0, 7)}-01T00:00:00Z`);
  if (Number.isNaN(time)) return "—";
  return dateFormat(locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(time);
}

/** The name of month 1–12 on its own ("January", "janvier", "январь"). */
export function formatMonthName(month: number, locale = currentLocale): string {
  return dateFormat(locale, { month: "long", timeZone: "UTC" }).format(
    Date.UTC(2000, month - 1, 1),
  );
}

export function formatNumber(
  value: number,
  locale = currentLocale,
  options: Intl.NumberFormatOptions = {},
): string {
  return cached(`number:${locale}:${JSON.stringify(options)}`, () => {
    return new Intl.NumberFormat(intlLocale(locale), options);
  }).format(value);
}

/** A budget amount in its currency (ISO 4217 code), whole units: "$12,500", "12 500 $US", "١٢٬٥٠٠ US$". */
export function formatMoney(amount: number, currency: string, locale = currentLocale): string {
  try {
    return formatNumber(amount, locale, {
      style: "currency",
      currency,
      maximumFractionDigits: 0,
    });
  } catch {
    // not an ISO currency code: the number, then the code as it was typed
    return `${formatNumber(amount, locale)} ${currency}`;
  }
}

/** "just now", "5 minutes ago", "yesterday", "in 6 days"; past a month the date itself. */
export function formatRelative(
  value: string | number | Date,
  now: number = Date.now(),
  locale = currentLocale,
): string {
  const time = toTime(value);
  if (Number.isNaN(time)) return "—";
  const delta = time - now;
  const size = Math.abs(delta);
  const relative = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: "auto" });
  if (size < MINUTE) return relative.format(0, "second");
  if (size < HOUR) return relative.format(Math.round(delta / MINUTE), "minute");
  if (size < DAY) return relative.format(Math.round(delta / HOUR), "hour");
  if (size < 30 * DAY) return relative.format(Math.round(delta / DAY), "day");
  return formatDate(time, locale);
}

/** "IOM, UNICEF and UNDP" in the reader's language. */
export function formatList(items: readonly string[], locale = currentLocale): string {
  return new Intl.ListFormat(intlLocale(locale), { style: "long", type: "conjunction" }).format(
    items,
  );
}

/** The formatting helpers bound to one locale (what `useFormat()` returns). */
export function formattersFor(locale: string) {
  return {
    locale,
    date: (value: string | number | Date) => formatDate(value, locale),
    dateTime: (value: string | number | Date) => formatDateTime(value, locale),
    calendarDate: (isoDate: string) => formatCalendarDate(isoDate, locale),
    month: (value: string) => formatMonth(value, locale),
    monthName: (month: number) => formatMonthName(month, locale),
    number: (value: number, options?: Intl.NumberFormatOptions) =>
      formatNumber(value, locale, options),
    money: (amount: number, currency: string) => formatMoney(amount, currency, locale),
    relative: (value: string | number | Date, now?: number) => formatRelative(value, now, locale),
    list: (items: readonly string[]) => formatList(items, locale),
  };
}
export type Formatters = ReturnType<typeof formattersFor>;
