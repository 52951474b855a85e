import { isLocale, LOCALES, type Locale, localeDirection, negotiateLocale } from "@junction/domain";
import {
  createContext,
  type ReactNode,
  startTransition,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
} from "react";
import { z } from "zod";
import { setFormatLocale } from "./format";

/** A language the chooser offers: the five built in, and any a network added on its server. */
export type LocaleOption = { code: string; name: string; dir: "ltr" | "rtl" };

/** Each built-in language named in itself, as a chooser shows it to someone who cannot read the rest. */
const BUILT_IN_OPTIONS: readonly LocaleOption[] = LOCALES.map((code) => ({
  code,
  name: new Intl.DisplayNames([code], { type: "language" }).of(code) ?? code,
  dir: localeDirection(code),
}));

const STORAGE_KEY = "junction.locale";
const serverLocalesSchema = z.array(
  z.object({ code: z.string().min(2).max(35), name: z.string(), dir: z.enum(["ltr", "rtl"]) }),
);

type LocaleContextValue = {
  /** The language in use (a built-in `Locale` or a code a network added on its server). */
  locale: string;
  options: readonly LocaleOption[];
  /** Switches the interface; `persist` also saves it to the account (`PATCH /api/me`). */
  chooseLocale: (code: string, persist?: boolean) => void;
};

const LocaleContext = createContext<LocaleContextValue | null>(null);

function readStoredLocale(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function storeLocale(code: string): void {
  try {
    localStorage.setItem(STORAGE_KEY, code);
  } catch {
    // private mode: the choice lasts for this page only, and the account keeps it if signed in
  }
}

/** The language for a first render: this device's last choice, else the browser's languages. */
export function initialLocale(): string {
  return readStoredLocale() ?? negotiateLocale(navigator.languages ?? [navigator.language]);
}

function directionOf(code: string, options: readonly LocaleOption[]): "ltr" | "rtl" {
  if (isLocale(code)) return localeDirection(code);
  return options.find((option) => option.code === code)?.dir ?? "ltr";
}

/** Sets `<html lang dir>` to the language in use, so screen readers, fonts and layout follow it. */
export function applyDocumentLocale(code: string, dir: "ltr" | "rtl"): void {
  document.documentElement.lang = code;
  document.documentElement.dir = dir;
  setFormatLocale(code);
}

async function fetchServerLocales(): Promise<LocaleOption[]> {
  try {
    const response = await fetch("/api/locales", { headers: { accept: "application/json" } });
    if (!response.ok) return [];
    const parsed = serverLocalesSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

async function saveAccountLocale(locale: Locale): Promise<void> {
  try {
    await fetch("/api/me", {
      method: "PATCH",
      credentials: "same-origin",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ locale }),
    });
  } catch {
    // offline: this device remembers the choice; the account learns it on the next choice
  }
}

/**
 * The language in use. `accountLocale` is the signed-in user's saved choice (null when they
 * never chose, or signed out): it wins over this device's memory and the browser's languages.
 */
export function LocaleProvider({
  accountLocale,
  children,
}: {
  accountLocale: string | null;
  children: ReactNode;
}) {
  const [locale, setLocale] = useState(initialLocale);
  const [serverOptions, setServerOptions] = useState<LocaleOption[]>([]);

  useEffect(() => {
    let live = true;
    void fetchServerLocales().then((found) => {
      if (live) setServerOptions(found);
    });
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (!accountLocale) return;
    storeLocale(accountLocale);
    startTransition(() => setLocale(accountLocale));
  }, [accountLocale]);

  const options = useMemo(() => {
    const extra = serverOptions.filter((option) => !isLocale(option.code));
    const named = BUILT_IN_OPTIONS.map(
      (option) => serverOptions.find((s) => s.code === option.code) ?? option,
    );
    return [...named, ...extra];
  }, [serverOptions]);

  const dir = directionOf(locale, options);
  useEffect(() => applyDocumentLocale(locale, dir), [locale, dir]);

  const chooseLocale = useCallback((code: string, persist = false) => {
    storeLocale(code);
    // a transition keeps the page on screen while the new language's messages load
    startTransition(() => setLocale(code));
    if (persist && isLocale(code)) void saveAccountLocale(code);
  }, []);

  const value = useMemo(() => ({ locale, options, chooseLocale }), [locale, options, chooseLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleContextValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error("useLocale must be used inside <LocaleProvider>");
  return value;
}
