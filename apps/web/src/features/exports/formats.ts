export type FormatChoice = { value: string; label: string; hint: string };

export const WORKPLAN_FORMATS: readonly FormatChoice[] = [
  { value: "docx", label: "Word document (.docx)", hint: "Title page, narrative, every activity" },
  { value: "xlsx", label: "Excel 4W matrix (.xlsx)", hint: "Who does what, where, when" },
  { value: "csv", label: "CSV 4W matrix (.csv)", hint: "The same rows, for any tool" },
  { value: "md", label: "Markdown (.md)", hint: "Plain text, readable anywhere" },
  { value: "iati", label: "IATI activity XML (.xml)", hint: "Version 2.03, for publishing" },
];

export const NETWORK_FORMATS: readonly FormatChoice[] = WORKPLAN_FORMATS.filter((format) =>
  ["xlsx", "csv", "iati"].includes(format.value),
);
