import {
  DEFAULT_LOCALE,
  isLocale,
  LOCALES,
  type LocaleInfo,
  type LocaleMessages,
  localeDirection,
  negotiateLocale,
} from "@junction/domain";
import { IntlMessageFormat } from "intl-messageformat";
import { CATALOGUES, LOCALE_NAMES } from "./catalogues";
import type { Message, MessageValue } from "./message";

/** A language installed from the translations directory (locale-files.ts), checked. */
export type LocaleFile = {
  code: string;
  name: string;
  dir: "ltr" | "rtl";
  /** Its messages by namespace (`server`, the web app's), every one a valid ICU message. */
  messages: LocaleMessages;
  etag: string;
};

// dates in messages read as the calendar day they are in UTC, wherever the server runs
const FORMATS = {
  date: {
    long: { year: "numeric", month: "long", day: "numeric", timeZone: "UTC" },
    short: { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" },
  },
} as const;

function primaryOf(code: string): string {
  return code.toLowerCase().split(/[-_]/)[0] ?? "";
}

/**
 * Server messages in a language: an override from the translations directory, else the built-in
 * catalogue of the language (or of its primary subtag), else English. Never throws: a message
 * that cannot be formatted falls back to English, then to its key.
 */
export class Translator {
  readonly #files = new Map<string, LocaleFile>();
  readonly #compiled = new Map<string, IntlMessageFormat>();

  constructor(files: readonly LocaleFile[] = []) {
    for (const file of files) this.#files.set(file.code, file);
  }

  /** The built-in languages, then the installed ones, as GET /api/locales lists them. */
  locales(): LocaleInfo[] {
    const builtIn = LOCALES.map((code) => ({
      code,
      name: this.#files.get(code)?.name ?? LOCALE_NAMES[code],
      dir: localeDirection(code),
    }));
    const extra = [...this.#files.values()]
      .filter((file) => !isLocale(file.code))
      .map((file) => ({ code: file.code, name: file.name, dir: file.dir }))
      .sort((a, b) => a.code.localeCompare(b.code));
    return [...builtIn, ...extra];
  }

  isAvailable(code: string): boolean {
    return isLocale(code) || this.#files.has(code);
  }

  /** A language's overrides (`{}` for a built-in one without a file); null for an unknown one. */
  file(code: string): { messages: LocaleMessages; etag: string } | null {
    const file = this.#files.get(code);
    if (file) return { messages: file.messages, etag: file.etag };
    return isLocale(code) ? { messages: {}, etag: `"${code}-built-in"` } : null;
  }

  /** The first available language among `preferred` (exact, then primary subtag); else English. */
  negotiate(preferred: readonly string[]): string {
    for (const tag of preferred) {
      const exact = [...this.#files.keys()].find(
        (code) => code.toLowerCase() === tag.toLowerCase(),
      );
      if (exact) return exact;
      const primary = primaryOf(tag);
      if (isLocale(primary)) return primary;
      if (this.#files.has(primary)) return primary;
    }
    return negotiateLocale(preferred);
  }

  /** The ICU template of `key` in `locale`, overrides first (exports format their own). */
  template(locale: string, key: string): string | null {
    const override = this.#files.get(locale)?.messages.server?.[key];
    if (override !== undefined) return override;
    const primary = primaryOf(locale);
    const builtIn = isLocale(locale) ? locale : isLocale(primary) ? primary : null;
    if (builtIn === null) return null;
    return (CATALOGUES[builtIn] as Readonly<Record<string, string>>)[key] ?? null;
  }

  /** The overrides of the `server` namespace whose keys start with `prefix`, prefix removed. */
  overridesOf(locale: string, prefix: string): Record<string, string> {
    const server = this.#files.get(locale)?.messages.server ?? {};
    return Object.fromEntries(
      Object.entries(server)
        .filter(([key]) => key.startsWith(prefix))
        .map(([key, value]) => [key.slice(prefix.length), value]),
    );
  }

  format(locale: string, message: Message | string): string {
    if (typeof message === "string") return message;
    const values = this.#valuesIn(locale, message.values);
    const template = this.template(locale, message.key);
    if (template !== null) {
      const text = this.#tryFormat(locale, template, values);
      if (text !== null) return text;
    }
    return this.#tryFormat(DEFAULT_LOCALE, CATALOGUES.en[message.key], values) ?? message.key;
  }

  #valuesIn(
    locale: string,
    values: Readonly<Record<string, MessageValue>>,
  ): Record<string, string | number | Date> {
    return Object.fromEntries(
      Object.entries(values).map(([name, value]) => [
        name,
        typeof value === "object" && !(value instanceof Date) ? this.format(locale, value) : value,
      ]),
    );
  }

  #tryFormat(
    locale: string,
    template: string,
    values: Record<string, string | number | Date>,
  ): string | null {
    try {
      const cacheKey = `${locale}\u0000${template}`;
      let compiled = this.#compiled.get(cacheKey);
      if (!compiled) {
        compiled = compileMessage(template, locale);
        this.#compiled.set(cacheKey, compiled);
      }
      const text = compiled.format(values);
      return typeof text === "string" ? text : String(text);
    } catch {
      return null;
    }
  }
}

/** Parses an ICU message; throws when it is not valid. */
export function compileMessage(template: string, locale: string): IntlMessageFormat {
  // an unknown language tag ("xx") still gets a formatter: plural rules fall back to English
  // British English: the UN's spelling, and dates as "15 March 2026"
  const supported = Intl.PluralRules.supportedLocalesOf([locale]).length > 0 ? locale : "en";
  const tag = supported === "en" ? "en-GB" : supported;
  return new IntlMessageFormat(template, tag, FORMATS, { ignoreTag: true });
}

const builtIn = new Translator();

/** A message in English from the built-in catalogue: for logs, and errors' `message`. */
export function formatEnglish(message: Message): string {
  return builtIn.format(DEFAULT_LOCALE, message);
}
