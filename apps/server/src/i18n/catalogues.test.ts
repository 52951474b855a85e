import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { LOCALES } from "@junction/domain";
import { describe, expect, it } from "vitest";
import type { Logger } from "../log";
import { EN } from "./catalogue/en";
import { CATALOGUES } from "./catalogues";
import { loadLocaleFiles } from "./locale-files";
import { msg } from "./message";
import { Translator } from "./translator";

type Element = ReturnType<typeof parse>[number];

function walk(elements: readonly Element[], visit: (element: Element) => void): void {
  for (const element of elements) {
    visit(element);
    if ("options" in element) {
      for (const option of Object.values(element.options)) walk(option.value, visit);
    }
  }
}

function argumentsOf(template: string): string[] {
  const found = new Set<string>();
  walk(parse(template), (element) => {
    if (element.type !== TYPE.literal && element.type !== TYPE.pound && "value" in element) {
      found.add(String(element.value));
    }
  });
  return [...found].sort();
}

describe("the server's message catalogues", () => {
  it("hold every English key in every language, as valid ICU with the same arguments", () => {
    for (const locale of LOCALES) {
      const catalogue: Readonly<Record<string, string>> = CATALOGUES[locale];
      expect(Object.keys(catalogue).sort(), locale).toEqual(Object.keys(EN).sort());
      for (const [key, english] of Object.entries(EN)) {
        const template = catalogue[key] ?? "";
        expect(() => parse(template), `${locale} ${key}`).not.toThrow();
        expect(argumentsOf(template), `${locale} ${key}`).toEqual(argumentsOf(english));
      }
    }
  });

  it("give Russian and Arabic plurals every category their language has", () => {
    for (const locale of LOCALES) {
      const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
      // elsewhere `many` (millions) may read as `other`
      const required = locale === "ru" || locale === "ar" ? categories : ["one", "other"];
      for (const [key, template] of Object.entries(CATALOGUES[locale])) {
        walk(parse(template), (element) => {
          if (element.type !== TYPE.plural) return;
          expect(Object.keys(element.options).sort(), `${locale} ${key}`).toEqual(
            [...required].sort(),
          );
        });
      }
    }
  });

  it("formats plurals as each language counts", () => {
    const translator = new Translator();
    const waiting = (locale: string, minutes: number) =>
      translator.format(locale, msg("auth.tooManyAttempts", { minutes }));
    expect(waiting("ru", 1)).toMatch(/через 1 минуту$/);
    expect(waiting("ru", 3)).toMatch(/через 3 минуты$/);
    expect(waiting("ru", 5)).toMatch(/через 5 минут$/);
    expect(waiting("ru", 21)).toMatch(/через 21 минуту$/);
    expect(waiting("ar", 1)).toMatch(/بعد دقيقة واحدة$/);
    expect(waiting("ar", 2)).toMatch(/بعد دقيقتين$/);
    expect(waiting("ar", 5)).toMatch(/بعد 5 دقائق$/);
    expect(waiting("ar", 15)).toMatch(/بعد 15 دقيقة$/);
    expect(waiting("en", 1)).toBe("Too many failed attempts; try again in 1 minute");
  });
});

describe("translation files", () => {
  function capture(): { log: Logger; lines: string[] } {
    const lines: string[] = [];
    const log: Logger = {
      debug: () => {},
      info: () => {},
      warn: (message, fields) => lines.push(`${message} ${JSON.stringify(fields)}`),
      error: (message) => lines.push(message),
      child: () => log,
    };
    return { log, lines };
  }

  it("skips a broken file and an invalid message with a log line each, keeping the rest", () => {
    const dir = mkdtempSync(join(tmpdir(), "junction-locales-"));
    try {
      writeFileSync(join(dir, "de.json"), "{ not json");
      writeFileSync(join(dir, "Not A Code.json"), "{}");
      writeFileSync(
        join(dir, "fr.json"),
        JSON.stringify({
          server: {
            "auth.signInFirst": "{n, plural, one {x}",
            "auth.sessionNotFound": "Pas de session",
          },
        }),
      );
      const { log, lines } = capture();
      const files = loadLocaleFiles(dir, log);
      expect(files.map((file) => file.code)).toEqual(["fr"]);
      expect(files[0]?.messages).toEqual({ server: { "auth.sessionNotFound": "Pas de session" } });
      expect(
        lines.some((line) => line.includes("not valid JSON") && line.includes("de.json")),
      ).toBe(true);
      expect(lines.some((line) => line.includes("not a language code"))).toBe(true);
      expect(
        lines.some(
          (line) => line.includes("not a valid ICU message") && line.includes("auth.signInFirst"),
        ),
      ).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("reads no directory as no translations, silently", () => {
    const { log, lines } = capture();
    expect(loadLocaleFiles(join(tmpdir(), "junction-no-such-locales"), log)).toEqual([]);
    expect(lines).toEqual([]);
  });
});
