import { type Budget, isCurrencyCode } from "@junction/domain";
import type { Translate } from "../i18n";

export const EMPTY_BUDGET: Budget = { amount: null, currency: "USD", source: "", secured: false };

export const FUNDING_SOURCES = [
  "Migration Multi-Partner Trust Fund",
  "Core funds",
  "European Union",
  "Government budget",
  "Bilateral donor",
] as const;

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** A budget amount as typed: empty for none, else a number of zero or more ("1 500,50" too). */
export function parseAmount(text: string, t: Translate<"editor">): Parsed<number | null> {
  const trimmed = text.trim().replace(/[\s\u00a0\u202f']/g, "");
  if (trimmed === "") return { ok: true, value: null };
  const normalised = /^\d+,\d{1,2}$/.test(trimmed)
    ? trimmed.replace(",", ".")
    : trimmed.replace(/,/g, "");
  const amount = Number(normalised);
  if (!/^-?[\d.]+(e\d+)?$/i.test(normalised) || !Number.isFinite(amount)) {
    return { ok: false, message: t("budget.amountInvalid") };
  }
  if (amount < 0) return { ok: false, message: t("budget.amountNegative") };
  return { ok: true, value: amount };
}

/** A currency as typed: an ISO 4217 code, in any case ("eur" is EUR). */
export function parseCurrency(text: string, t: Translate<"editor">): Parsed<string> {
  const code = text.trim().toUpperCase();
  if (isCurrencyCode(code)) return { ok: true, value: code };
  return { ok: false, message: t("budget.currencyInvalid") };
}
