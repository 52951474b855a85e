import type { Locale } from "@junction/domain";
import { AR } from "./catalogue/ar";
import { type Catalogue, EN, type MessageKey } from "./catalogue/en";
import { ES } from "./catalogue/es";
import { FR } from "./catalogue/fr";
import { RU } from "./catalogue/ru";

export const CATALOGUES: Readonly<Record<Locale, Catalogue>> = {
  en: EN,
  fr: FR,
  es: ES,
  ru: RU,
  ar: AR,
};

/** Each language's own name for itself, for the language menu. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = {
  en: "English",
  fr: "Français",
  es: "Español",
  ru: "Русский",
  ar: "العربية",
};

const KEYS = new Set<string>(Object.keys(EN));

export function isMessageKey(key: string): key is MessageKey {
  return KEYS.has(key);
}
