import { IntlMessageFormat } from "intl-messageformat";
import { type ReactNode, use, useMemo } from "react";
import { loadNamespace, type Messages, readyNamespace } from "./catalog";
import { type Formatters, formattersFor } from "./format";
import { useLocale } from "./locale";
import type { MessageKey, Namespace } from "./namespaces";

/** Values for a message's `{placeholders}`: plain values, or for `t.rich` also tags and nodes. */
export type MessageValues = Record<string, string | number | Date>;
export type RichValues = Record<
  string,
  string | number | Date | ReactNode | ((chunks: ReactNode[]) => ReactNode)
>;

/** Translates keys of one namespace: `t("key", { count: 3 })`, `t.rich("key", { link: … })`. */
export type Translate<N extends Namespace> = {
  (key: MessageKey<N>, values?: MessageValues): string;
  rich: (key: MessageKey<N>, values: RichValues) => ReactNode;
  locale: string;
};

const compiled = new Map<string, IntlMessageFormat | null>();

function compile(locale: string, id: string, message: string): IntlMessageFormat | null {
  const cacheKey = `${locale}\u0000${id}\u0000${message}`;
  let format = compiled.get(cacheKey);
  if (format === undefined) {
    try {
      format = new IntlMessageFormat(message, locale);
    } catch {
      // a malformed override from the server must not break the page: its key shows instead
      format = null;
    }
    compiled.set(cacheKey, format);
  }
  return format;
}

/** Builds a translator over messages already loaded (also for pure code and tests). */
export function createTranslate<N extends Namespace>(
  locale: string,
  namespace: N,
  messages: Messages,
): Translate<N> {
  function format(key: string, values?: RichValues): ReactNode {
    const message = messages[key];
    const formatter =
      message === undefined ? null : compile(locale, `${namespace}:${key}`, message);
    if (!formatter) return `${namespace}:${key}`;
    try {
      return formatter.format<ReactNode>(values);
    } catch {
      return `${namespace}:${key}`;
    }
  }
  function translate(key: MessageKey<N>, values?: MessageValues): string {
    const result = format(key, values);
    return Array.isArray(result) ? result.join("") : String(result);
  }
  return Object.assign(translate, {
    rich: (key: MessageKey<N>, values: RichValues) => format(key, values),
    locale,
  });
}

/**
 * The translator of one namespace in the language in use. Suspends (React `use`) the first time
 * that namespace is needed in that language, while its file loads.
 */
export function useT<N extends Namespace>(namespace: N): Translate<N> {
  const { locale } = useLocale();
  const messages = readyNamespace(locale, namespace) ?? use(loadNamespace(locale, namespace));
  return useMemo(() => createTranslate(locale, namespace, messages), [locale, namespace, messages]);
}

/** Dates, months, numbers and money in the language in use (see `format.ts`). */
export function useFormat(): Formatters {
  const { locale } = useLocale();
  return useMemo(() => formattersFor(locale), [locale]);
}
