export type FormatChoice = "docx" | "xlsx" | "csv" | "md" | "iati";

export const WORKPLAN_FORMATS: readonly FormatChoice[] = ["docx", "xlsx", "csv", "md", "iati"];

export const NETWORK_FORMATS: readonly FormatChoice[] = ["xlsx", "csv", "iati"];
