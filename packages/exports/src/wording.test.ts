import { parse, TYPE } from "@formatjs/icu-messageformat-parser";
import { describe, expect, it } from "vitest";
import { writeDocx } from "./docx";
import { buildGcmReport } from "./gcm-report";
import { writeGcmReportDocx } from "./gcm-report-docx";
import { writeMarkdown } from "./markdown";
import { docxParagraphs } from "./test/files";
import { activity, exportInput, workplan } from "./test/fixtures";
import { ENGLISH_WORDING } from "./wording-en";
import { TRANSLATED_WORDING } from "./wording-locales";

type Element = ReturnType<typeof parse>[number];

function argumentsOf(elements: readonly Element[], found = new Set<string>()): Set<string> {
  for (const element of elements) {
    if ("value" in element && element.type !== TYPE.literal) {
      found.add(String(element.value));
    }
    if ("options" in element) {
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

function pluralCategories(elements: readonly Element[], found: string[][] = []): string[][] {
  for (const element of elements) {
    if (element.type === TYPE.plural) found.push(Object.keys(element.options));
    if ("options" in element) {
      for (const option of Object.values(element.options)) pluralCategories(option.value, found);
    }
  }
  return found;
}

const spanish = exportInput(
  [
    workplan({
      stage: "adopted",
      activities: [
        activity("A1", {
          title: "Formar a funcionarios de fronteras",
          gcmObjectives: [11],
          budget: { amount: 12500.5, currency: "USD", secured: true, source: "" },
        }),
      ],
    }),
  ],
  { locale: "es" },
);

describe("export wording in the reader's language", () => {
  it("writes a Markdown workplan's headings, labels, dates and amounts in Spanish", () => {
    const markdown = writeMarkdown(spanish);
    expect(markdown).toContain("*UN Network on Migration – Georgia · Aprobado, documento vigente");
    expect(markdown).toContain("exportado el 3 de diciembre de 2026*");
    expect(markdown).toContain("## Actividades");
    expect(markdown).toContain("- **Organización principal:** International Organization");
    expect(markdown).toContain(
      "- **Objetivos del Pacto Mundial:** 11. Gestionar las fronteras de manera integrada, segura y coordinada",
    );
    expect(markdown).toContain("- **Presupuesto:** 12.500,5 USD, asegurado");
    expect(markdown).toContain("- **Período:** ene 2024 – jun 2024");
    expect(markdown).not.toContain("Activities");
  });

  it("writes a Word workplan's title page and activity fields in Spanish", async () => {
    const paragraphs = docxParagraphs(await writeDocx(spanish));
    expect(paragraphs).toContain("Etapa: Aprobado");
    expect(paragraphs).toContain("Versión: Documento vigente");
    expect(paragraphs).toContain("Fecha de exportación: 3 de diciembre de 2026");
    expect(paragraphs).toContain("Actividades");
    expect(paragraphs).toContain("Presupuesto\t12.500,5 USD, asegurado");
    expect(paragraphs).toContain("Estado\tPrevista");
  });

  it("writes the GCM report in Arabic, objective titles as the Compact words them", async () => {
    const input = { ...spanish, locale: "ar" };
    const report = buildGcmReport(input);
    expect(report.objectives[10]?.title).toBe("إدارة الحدود بطريقة متكاملة وآمنة ومنسقة");
    const paragraphs = docxParagraphs(await writeGcmReportDocx(report, input));
    expect(paragraphs).toContain("تنفيذ الاتفاق العالمي من أجل الهجرة: التقدم المحرز حسب الهدف");
    expect(paragraphs).toContain("الهدف 11: إدارة الحدود بطريقة متكاملة وآمنة ومنسقة");
  });

  it("takes a corrected word over the built-in one", () => {
    const markdown = writeMarkdown({ ...spanish, wording: { activities: "Acciones" } });
    expect(markdown).toContain("## Acciones");
  });

  it("has every word in every language, as valid ICU with the English arguments and plurals", () => {
    for (const [locale, wording] of Object.entries(TRANSLATED_WORDING)) {
      // Russian and Arabic need every category; elsewhere `many` (millions) may read as `other`
      const categories = ["ru", "ar"].includes(locale)
        ? new Intl.PluralRules(locale).resolvedOptions().pluralCategories
        : ["one", "other"];
      expect(Object.keys(wording).sort()).toEqual(Object.keys(ENGLISH_WORDING).sort());
      for (const [key, english] of Object.entries(ENGLISH_WORDING)) {
        const translated = parse(wording[key as keyof typeof wording]);
        expect([...argumentsOf(translated)].sort(), `${locale} ${key}`).toEqual(
          [...argumentsOf(parse(english))].sort(),
        );
        for (const options of pluralCategories(translated)) {
          expect(options.sort(), `${locale} ${key}`).toEqual([...categories].sort());
        }
      }
    }
  });
});
