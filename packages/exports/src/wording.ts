import {
  type ActivityStatus,
  type Budget,
  gcmObjectiveTitle,
  type Indicator,
  type Stage,
} from "@junction/domain";
import { IntlMessageFormat } from "intl-messageformat";
import { formatAmount, formatDate, formatMonth } from "./labels";
import { ENGLISH_WORDING, type WordingKey } from "./wording-en";
import { TRANSLATED_WORDING } from "./wording-locales";

/** The words of the files in one language, with Intl dates and amounts for it. */
export type Words = {
  readonly locale: string;
  t(key: WordingKey, values?: Record<string, string | number>): string;
  stage(stage: Stage): string;
  status(status: ActivityStatus): string;
  date(iso: string): string;
  period(start: string | null, end: string | null): string;
  amount(amount: number): string;
  budget(budget: Budget | null): string;
  indicator(indicator: Indicator): string;
  objectiveTitle(objective: number): string;
  objectiveLabel(objective: number): string;
  openSuggestions(count: number | undefined): string | null;
};

/**
 * `locale` picks the built-in words (English when it has none) and Intl's dates and numbers;
 * `wording` corrects single messages (a translations file's `export.*` keys). English output is
 * the files' historical wording, byte for byte.
 */
export function createWords(
  locale = "en",
  wording: Readonly<Partial<Record<string, string>>> = {},
): Words {
  const primary = locale.toLowerCase().split(/[-_]/)[0] ?? "en";
  const translated: Readonly<Record<string, Readonly<Record<WordingKey, string>>>> =
    TRANSLATED_WORDING;
  const own = translated[locale] ?? translated[primary];
  const english = primary === "en" && own === undefined;
  const tag = Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0 ? locale : "en";
  const compiled = new Map<string, IntlMessageFormat>();
  const format = (template: string, values: Record<string, string | number>): string | null => {
    try {
      let message = compiled.get(template);
      if (!message) {
        message = new IntlMessageFormat(template, tag, undefined, { ignoreTag: true });
        compiled.set(template, message);
      }
      return String(message.format(values));
    } catch {
      return null;
    }
  };
  const t = (key: WordingKey, values: Record<string, string | number> = {}): string => {
    const override = wording[key];
    for (const template of [override, own?.[key], ENGLISH_WORDING[key]]) {
      if (template === undefined) continue;
      const text = format(template, values);
      if (text !== null) return text;
    }
    return key;
  };
  const dates = new Intl.DateTimeFormat(tag, {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  });
  const months = new Intl.DateTimeFormat(tag, { month: "short", year: "numeric", timeZone: "UTC" });
  const numbers = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const date = (iso: string): string => {
    if (english) return formatDate(iso);
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
    if (!match) return iso;
    return dates.format(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  };
  const month = (text: string): string => {
    if (english) return formatMonth(text);
    const [year, number] = text.split("-").map(Number);
    if (!year || !number) return text;
    return months.format(Date.UTC(year, number - 1, 1));
  };
  const amount = (value: number): string => (english ? formatAmount(value) : numbers.format(value));
  const objectiveTitle = (objective: number): string => gcmObjectiveTitle(objective, locale);
  return {
    locale,
    t,
    stage: (stage) => t(`stage.${stage}`),
    status: (status) => t(`status.${status}`),
    date,
    period: (start, end) => {
      if (start && end) return t("period.range", { start: month(start), end: month(end) });
      if (start) return t("period.from", { start: month(start) });
      if (end) return t("period.until", { end: month(end) });
      return "";
    },
    amount,
    budget: (budget) => {
      if (!budget) return "";
      const parts: string[] = [];
      if (budget.amount !== null) {
        parts.push([amount(budget.amount), budget.currency].filter(Boolean).join(" "));
      }
      if (budget.amount !== null || budget.source) {
        parts.push(t(budget.secured ? "budget.secured" : "budget.required"));
      }
      if (budget.source) parts.push(budget.source);
      return parts.join(", ");
    },
    indicator: (indicator) => {
      const values = [
        indicator.baseline && t("indicator.baseline", { value: indicator.baseline }),
        indicator.target && t("indicator.target", { value: indicator.target }),
      ].filter(Boolean);
      let text = indicator.name;
      if (values.length > 0) text += `: ${values.join(", ")}`;
      if (indicator.meansOfVerification) text += ` (${indicator.meansOfVerification})`;
      return text;
    },
    objectiveTitle,
    objectiveLabel: (objective) => {
      const title = objectiveTitle(objective);
      return title ? `${objective}. ${title}` : String(objective);
    },
    openSuggestions: (count) => (!count || count <= 0 ? null : t("openSuggestions", { count })),
  };
}

/** The words an export's input asks for (`locale`, `wording`); English when it names none. */
export function wordsOf(input: {
  locale?: string;
  wording?: Readonly<Partial<Record<string, string>>>;
}): Words {
  return createWords(input.locale, input.wording);
}
