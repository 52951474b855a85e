import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { LOCALES } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { NAMESPACES } from "./namespaces";

const FILES = import.meta.glob<Record<string, unknown>>("./locales/*/*.json", {
  eager: true,
  import: "default",
});

function file(locale: string, namespace: string): Record<string, unknown> {
  return FILES[`./locales/${locale}/${namespace}.json`] ?? {};
}

type Shape = { arguments: Set<string>; tags: Set<string>; problems: string[] };

/** The placeholders and tags of a message, and its plural forms a locale's grammar lacks or does not have. */
function shapeOf(message: string, locale: string): Shape {
  const shape: Shape = { arguments: new Set(), tags: new Set(), problems: [] };
  const cardinal = new Intl.PluralRules(locale).resolvedOptions().pluralCategories;
  const ordinal = new Intl.PluralRules(locale, { type: "ordinal" }).resolvedOptions()
    .pluralCategories;
  function walk(elements: readonly MessageFormatElement[]): void {
    for (const element of elements) {
      switch (element.type) {
        case TYPE.argument:
        case TYPE.number:
        case TYPE.date:
        case TYPE.time:
          shape.arguments.add(element.value);
          break;
        case TYPE.select:
          shape.arguments.add(element.value);
          if (!("other" in element.options))
            shape.problems.push(`select {${element.value}} lacks "other"`);
          for (const option of Object.values(element.options)) walk(option.value);
          break;
        case TYPE.plural: {
          shape.arguments.add(element.value);
          const allowed: readonly string[] = element.pluralType === "ordinal" ? ordinal : cardinal;
          const used = Object.keys(element.options).filter((key) => !key.startsWith("="));
          for (const category of used) {
            if (!allowed.includes(category)) {
              shape.problems.push(
                `{${element.value}} has "${category}", which ${locale} does not use`,
              );
            }
          }
          if (element.pluralType !== "ordinal") {
            for (const category of allowed) {
              if (!used.includes(category)) {
                shape.problems.push(
                  `{${element.value}} lacks the "${category}" form ${locale} needs`,
                );
              }
            }
          }
          for (const option of Object.values(element.options)) walk(option.value);
          break;
        }
        case TYPE.tag:
          shape.tags.add(element.value);
          walk(element.children);
          break;
        default:
          break;
      }
    }
  }
  try {
    walk(parse(message, { requiresOtherClause: true }));
  } catch (error) {
    shape.problems.push(`is not valid ICU MessageFormat (${String(error)})`);
  }
  return shape;
}

describe("the message files", () => {
  it("have one file per namespace in every locale, and no other", () => {
    const expected = LOCALES.flatMap((locale) =>
      NAMESPACES.map((namespace) => `./locales/${locale}/${namespace}.json`),
    ).sort();
    expect(Object.keys(FILES).sort()).toEqual(expected);
  });

  for (const namespace of NAMESPACES) {
    const english = file("en", namespace);
    for (const locale of LOCALES) {
      it(`${locale}/${namespace}.json has every English key, and no other`, () => {
        const messages = file(locale, namespace);
        expect(Object.keys(messages).sort()).toEqual(Object.keys(english).sort());
      });

      it(`${locale}/${namespace}.json: every message is ICU with the English placeholders and ${locale} plural forms`, () => {
        const problems: string[] = [];
        for (const [key, message] of Object.entries(file(locale, namespace))) {
          if (typeof message !== "string" || message.trim() === "") {
            problems.push(`${key}: is not a non-empty string`);
            continue;
          }
          const shape = shapeOf(message, locale);
          problems.push(...shape.problems.map((problem) => `${key}: ${problem}`));
          const source = english[key];
          if (typeof source !== "string") continue;
          const reference = shapeOf(source, "en");
          const names = (set: Set<string>) => [...set].sort().join(", ");
          if (names(shape.arguments) !== names(reference.arguments)) {
            problems.push(
              `${key}: placeholders {${names(shape.arguments)}} differ from English {${names(reference.arguments)}}`,
            );
          }
          if (names(shape.tags) !== names(reference.tags)) {
            problems.push(
              `${key}: tags <${names(shape.tags)}> differ from English <${names(reference.tags)}>`,
            );
          }
        }
        expect(problems).toEqual([]);
      });
    }
  }
});
