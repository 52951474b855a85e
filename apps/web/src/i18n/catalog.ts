import { DEFAULT_LOCALE, isLocale } from "@junction/domain";
import { z } from "zod";
import type { Namespace } from "./namespaces";

/** One namespace's messages: key -> ICU MessageFormat string. */
export type Messages = Readonly<Record<string, string>>;

// one lazy chunk per file: a page loads only its own namespaces, in the language in use
const BUILT_IN = import.meta.glob<Messages>("./locales/*/*.json", { import: "default" });

const overridesSchema = z.record(z.string(), z.record(z.string(), z.string()));
type Overrides = z.infer<typeof overridesSchema>;

const loadedOverrides = new Map<string, Promise<Overrides>>();
const loadedNamespaces = new Map<string, Promise<Messages>>();
const readyNamespaces = new Map<string, Messages>();

/**
 * The corrections a network keeps on its server for `locale` (`GET /api/locales/:locale/messages`),
 * or none when the server has none or cannot be reached: the built-in messages stand.
 */
function loadOverrides(locale: string): Promise<Overrides> {
  let overrides = loadedOverrides.get(locale);
  if (!overrides) {
    overrides = fetch(`/api/locales/${encodeURIComponent(locale)}/messages`, {
      credentials: "same-origin",
      headers: { accept: "application/json" },
    })
      .then(async (response) => {
        if (!response.ok) return {};
        const parsed = overridesSchema.safeParse(await response.json());
        return parsed.success ? parsed.data : {};
      })
      .catch(() => ({}));
    loadedOverrides.set(locale, overrides);
  }
  return overrides;
}

function loadBuiltIn(locale: string, namespace: Namespace): Promise<Messages> {
  const load = BUILT_IN[`./locales/${locale}/${namespace}.json`];
  return load ? load() : Promise.resolve({});
}

/**
 * A namespace's messages in `locale`: the built-in file, then the server's corrections over it.
 * A locale the app does not ship (added on the server) starts from English, so a key its
 * translators have not done yet reads in English.
 */
export function loadNamespace(locale: string, namespace: Namespace): Promise<Messages> {
  const cacheKey = `${locale}/${namespace}`;
  let messages = loadedNamespaces.get(cacheKey);
  if (!messages) {
    const base = loadBuiltIn(isLocale(locale) ? locale : DEFAULT_LOCALE, namespace);
    messages = Promise.all([base, loadOverrides(locale)]).then(([builtIn, overrides]) => {
      const merged = { ...builtIn, ...overrides[namespace] };
      readyNamespaces.set(cacheKey, merged);
      return merged;
    });
    loadedNamespaces.set(cacheKey, messages);
  }
  return messages;
}

/** The messages if they have already arrived, so a render need not suspend for them. */
export function readyNamespace(locale: string, namespace: Namespace): Messages | undefined {
  return readyNamespaces.get(`${locale}/${namespace}`);
}

/** Starts loading namespaces a page will need, e.g. alongside its lazy chunk. */
export function preloadNamespaces(locale: string, namespaces: readonly Namespace[]): Promise<void> {
  return Promise.all(namespaces.map((namespace) => loadNamespace(locale, namespace))).then(
    () => undefined,
  );
}
