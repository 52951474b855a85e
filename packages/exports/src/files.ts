import type { ExportInput } from "./model";

/** What a workplan exports to; a network exports the tabular and IATI formats only. */
export const WORKPLAN_EXPORT_FORMATS = ["docx", "xlsx", "csv", "md", "iati"] as const;
export const NETWORK_EXPORT_FORMATS = ["xlsx", "csv", "iati"] as const;
export type ExportFormat = (typeof WORKPLAN_EXPORT_FORMATS)[number];

export const EXPORT_CONTENT_TYPES: Record<ExportFormat | "json", string> = {
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  csv: "text/csv; charset=utf-8",
  md: "text/markdown; charset=utf-8",
  iati: "application/xml; charset=utf-8",
  json: "application/json; charset=utf-8",
};

const EXTENSIONS: Record<ExportFormat, string> = {
  docx: "docx",
  xlsx: "xlsx",
  csv: "csv",
  md: "md",
  iati: "xml",
};

export function isExportFormat(value: string): value is ExportFormat {
  return (WORKPLAN_EXPORT_FORMATS as readonly string[]).includes(value);
}

/** A name in any script: letters and digits kept, everything else a single hyphen. */
function slug(text: string, fallback: string): string {
  const name = text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
  return name || fallback;
}

/**
 * "joint-workplan-2024-v1-2026-12-03.docx": the workplan (or the network, for a network's
 * export), the version when one was chosen, the export date. `kind` names a report instead.
 */
export function exportFileName(
  input: ExportInput,
  format: ExportFormat | "json",
  kind?: "gcm-report",
): string {
  const single = input.workplans.length === 1 ? input.workplans[0] : undefined;
  const parts = [slug(single && !kind ? single.title : input.network.name, "junction")];
  if (kind) parts.push(kind);
  if (single?.version && !kind) parts.push(slug(single.version.name, "version"));
  if (format === "iati") parts.push("iati");
  parts.push(input.generatedAt.slice(0, 10));
  return `${parts.join("-")}.${format === "json" ? "json" : EXTENSIONS[format]}`;
}

/** `attachment; filename="…"` with an ASCII fallback and the exact name for browsers (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]+/g, "_")
    .replace(/["\\]/g, "_");
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
