import type { Activity, Stage } from "@junction/domain";
import { readActivities, readNarrative } from "@junction/domain/doc";
import {
  buildGcmReport,
  type CoverageFilters,
  computeCoverage,
  contentDisposition,
  EXPORT_CONTENT_TYPES,
  type ExportFormat,
  type ExportInput,
  type ExportNetwork,
  type ExportOrganisation,
  type ExportVersion,
  type ExportWorkplan,
  exportFileName,
  type IatiSettings,
  type IatiSkipped,
  writeCsv,
  writeDocx,
  writeGcmReportDocx,
  writeIati,
  writeMarkdown,
  writeXlsx,
} from "@junction/exports";
import * as Y from "yjs";

/**
 * A workplan as the server hands it over: its document's state (read here, off the server's
 * thread) or its activities from the index (coverage and the report need no narrative).
 */
export type SourceWorkplan = {
  id: string;
  title: string;
  stage: Stage;
  version: ExportVersion | null;
  state?: Uint8Array;
  activities?: readonly Activity[];
  /** Open suggestions on the live document: DOCX and Markdown say how many are left out. */
  openSuggestions?: number;
};

export type ExportSource = {
  network: ExportNetwork;
  organisations: readonly ExportOrganisation[];
  workplans: readonly SourceWorkplan[];
  generatedAt: string;
};

export type ExportJob =
  | { kind: "file"; format: ExportFormat; source: ExportSource; iati: IatiSettings | null }
  | { kind: "iati-check"; source: ExportSource; iati: IatiSettings | null }
  | { kind: "coverage"; source: ExportSource; filters: CoverageFilters }
  | { kind: "report"; format: "json" | "docx"; source: ExportSource };

export type IatiSummary = {
  configured: boolean;
  exported: number;
  skipped: IatiSkipped[];
  notices: { workplanId: string | null; activityId: string | null; message: string }[];
};

export type ExportFile = {
  kind: "file";
  fileName: string;
  contentType: string;
  disposition: string;
  bytes: Uint8Array;
  activities: number;
  iati?: IatiSummary;
};

export type ExportOutcome =
  | ExportFile
  | { kind: "json"; value: unknown }
  /** Nothing the format can hold: every activity was refused (IATI), with the reasons. */
  | { kind: "empty"; iati: IatiSummary };

function readWorkplan(source: SourceWorkplan, withNarrative: boolean): ExportWorkplan {
  const base = {
    id: source.id,
    title: source.title,
    stage: source.stage,
    version: source.version,
    ...(source.openSuggestions ? { openSuggestions: source.openSuggestions } : {}),
  };
  if (!source.state) return { ...base, activities: source.activities ?? [] };
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, source.state);
    const activities = readActivities(ydoc);
    return withNarrative
      ? { ...base, activities, narrative: readNarrative(ydoc) }
      : { ...base, activities };
  } finally {
    ydoc.destroy();
  }
}

function inputOf(source: ExportSource, withNarrative: boolean): ExportInput {
  return {
    network: source.network,
    organisations: source.organisations,
    workplans: source.workplans.map((workplan) => readWorkplan(workplan, withNarrative)),
    generatedAt: source.generatedAt,
  };
}

function countActivities(input: ExportInput): number {
  return input.workplans.reduce((sum, workplan) => sum + workplan.activities.length, 0);
}

const encoder = new TextEncoder();

function file(
  input: ExportInput,
  format: ExportFormat | "json",
  bytes: Uint8Array | string,
  kind?: "gcm-report",
): ExportFile {
  const fileName = exportFileName(input, format, kind);
  return {
    kind: "file",
    fileName,
    contentType: EXPORT_CONTENT_TYPES[format],
    disposition: contentDisposition(fileName),
    bytes: typeof bytes === "string" ? encoder.encode(bytes) : bytes,
    activities: countActivities(input),
  };
}

// "--" may not appear inside an XML comment
function commentText(text: string): string {
  return text.replace(/-{2,}/g, "-").replace(/-$/, "- ");
}

/** Says, at the top of the file, which activities IATI could not take and why. */
function withSkippedComment(xml: string, skipped: readonly IatiSkipped[]): string {
  if (skipped.length === 0) return xml;
  const lines = skipped.map(
    (s) => `  ${s.activityId} "${s.title}" (workplan ${s.workplanId}): ${s.reasons.join("; ")}`,
  );
  const comment = `<!--\n${commentText(
    `Junction left out ${skipped.length} ${skipped.length === 1 ? "activity" : "activities"} IATI cannot take as recorded:\n${lines.join("\n")}`,
  )}\n-->\n`;
  const declarationEnd = xml.indexOf("?>\n");
  return declarationEnd < 0
    ? comment + xml
    : xml.slice(0, declarationEnd + 3) + comment + xml.slice(declarationEnd + 3);
}

function iatiOf(input: ExportInput, settings: IatiSettings | null) {
  if (!settings) {
    return {
      xml: null,
      summary: {
        configured: false,
        exported: 0,
        skipped: [],
        notices: [],
      } satisfies IatiSummary,
    };
  }
  const result = writeIati(input, settings);
  return {
    xml: result.xml === null ? null : withSkippedComment(result.xml, result.skipped),
    summary: {
      configured: true,
      exported: result.exported.length,
      skipped: result.skipped,
      notices: result.notices,
    } satisfies IatiSummary,
  };
}

async function writeFile(
  format: ExportFormat,
  input: ExportInput,
  iati: IatiSettings | null,
): Promise<ExportOutcome> {
  switch (format) {
    case "docx":
      return file(input, "docx", await writeDocx(input));
    case "md":
      return file(input, "md", writeMarkdown(input));
    case "csv":
      return file(input, "csv", writeCsv(input));
    case "xlsx":
      return file(input, "xlsx", writeXlsx(input));
    case "iati": {
      const { xml, summary } = iatiOf(input, iati);
      if (xml === null) return { kind: "empty", iati: summary };
      return { ...file(input, "iati", xml), iati: summary };
    }
  }
}

/** Runs one export: in a worker thread (export-worker.ts) or, configured so, inline. */
export async function runExportJob(job: ExportJob): Promise<ExportOutcome> {
  switch (job.kind) {
    case "file":
      return writeFile(
        job.format,
        inputOf(job.source, job.format === "docx" || job.format === "md"),
        job.iati,
      );
    case "iati-check":
      return { kind: "json", value: iatiOf(inputOf(job.source, false), job.iati).summary };
    case "coverage": {
      const input = inputOf(job.source, false);
      const places = new Map<string, string>();
      for (const workplan of input.workplans) {
        for (const activity of workplan.activities) {
          for (const place of activity.locations) {
            const key = place.trim().toLowerCase();
            if (key && !places.has(key)) places.set(key, place.trim());
          }
        }
      }
      const sorted = [...places.values()].sort((a, b) => a.localeCompare(b));
      return { kind: "json", value: { ...computeCoverage(input, job.filters), places: sorted } };
    }
    case "report": {
      const input = inputOf(job.source, false);
      const report = buildGcmReport(input);
      if (job.format === "json") return { kind: "json", value: report };
      return file(input, "docx", await writeGcmReportDocx(report), "gcm-report");
    }
  }
  throw new Error(`unknown export job ${JSON.stringify((job as { kind: unknown }).kind)}`);
}
