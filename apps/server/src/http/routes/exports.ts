import {
  ACTIVITY_STATUSES,
  coverageSchema,
  gcmReportSchema,
  iatiCheckSchema,
  iatiSettingsRequestSchema,
  iatiSettingsViewSchema,
  NETWORK_EXPORT_FORMATS,
  REPORT_FORMATS,
  WORKPLAN_EXPORT_FORMATS,
} from "@junction/domain";
import {
  checkIati,
  type ExportedFile,
  exportNetwork,
  exportWorkplan,
  networkCoverage,
  networkReport,
} from "../../services/exports";
import { changeIatiSettings, getIatiSettings } from "../../services/iati-settings";
import type { RouteRegistry } from "../route";

const FILE_TYPES = [
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "text/csv",
  "text/markdown",
  "application/xml",
];

/** The file as an attachment; an IATI file also says how many activities it holds and left out. */
function fileResponse(file: ExportedFile): Response {
  const headers = new Headers({
    "content-type": file.contentType,
    "content-disposition": file.disposition,
    "content-length": String(file.bytes.byteLength),
    // a plan in progress: never kept by a shared cache
    "cache-control": "private, no-store",
  });
  if (file.iati) {
    headers.set("x-junction-iati-exported", String(file.iati.exported));
    headers.set("x-junction-iati-skipped", String(file.iati.skipped.length));
  }
  return new Response(file.bytes, { headers });
}

/** Files a network hands to others, the coverage matrix, the GCM report, IATI settings. */
export function registerExportRoutes(api: RouteRegistry): void {
  api.user(
    {
      method: "get",
      path: "/api/workplans/:workplanId/export",
      summary:
        "The workplan as a file (anyone who may read it): Word, 4W spreadsheet (XLSX, CSV), Markdown or IATI activity XML 2.03; the live document, or a saved version with &version=. IATI files need the network's IATI settings (409 without) and carry X-Junction-Iati-Exported and X-Junction-Iati-Skipped counts; what was left out is listed at the top of the file and by .../export/iati-check. Recorded in the audit log",
      tag: "exports",
      files: FILE_TYPES,
      query: [
        {
          name: "format",
          description: "The file format",
          required: true,
          enum: WORKPLAN_EXPORT_FORMATS,
        },
        { name: "version", description: "A saved version's id; the live document without it" },
      ],
      errors: ["bad_request", "not_found", "conflict", "unprocessable", "unavailable"],
    },
    async ({ c, deps, caller, params }) =>
      fileResponse(
        await exportWorkplan(deps, caller, params.workplanId ?? "", {
          format: c.req.query("format"),
          version: c.req.query("version"),
          locale: c.get("locale"),
        }),
      ),
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/export",
      summary:
        "Every current (not archived) workplan of the network in one 4W spreadsheet (XLSX, CSV) or IATI activity file. Recorded in the audit log",
      tag: "exports",
      files: FILE_TYPES.slice(1, 3).concat(FILE_TYPES[4] ?? []),
      query: [
        {
          name: "format",
          description: "The file format",
          required: true,
          enum: NETWORK_EXPORT_FORMATS,
        },
      ],
      errors: ["bad_request", "not_found", "conflict", "unprocessable", "unavailable"],
    },
    async ({ c, deps, caller, params }) =>
      fileResponse(
        await exportNetwork(deps, caller, params.networkId ?? "", {
          format: c.req.query("format"),
          locale: c.get("locale"),
        }),
      ),
  );

  api.user(
    {
      method: "get",
      path: "/api/workplans/:workplanId/export/iati-check",
      summary:
        "What an IATI export of the workplan (or of &version=) would hold and leave out: activities IATI cannot take as recorded (no lead, no start month...) with the reasons, and what it omits of the others",
      tag: "exports",
      response: iatiCheckSchema,
      query: [{ name: "version", description: "A saved version's id" }],
      errors: ["bad_request", "not_found", "unavailable"],
    },
    ({ c, deps, caller, params }) => {
      const version = c.req.query("version");
      return checkIati(deps, caller, {
        workplanId: params.workplanId ?? "",
        ...(version === undefined ? {} : { version }),
      });
    },
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/export/iati-check",
      summary: "What an IATI export of the whole network would hold and leave out, and why",
      tag: "exports",
      response: iatiCheckSchema,
      errors: ["not_found", "unavailable"],
    },
    ({ deps, caller, params }) => checkIati(deps, caller, { networkId: params.networkId ?? "" }),
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/coverage",
      summary:
        "The coverage matrix: all 23 GCM objectives x the network's organisations, each cell the activities (ids) an organisation leads or partners in, with gaps (objectives nobody works on) and crowding (several organisations on one objective in the same place and period). Filters: workplan (ids, comma-separated or repeated), place, status",
      tag: "exports",
      response: coverageSchema,
      query: [
        {
          name: "workplan",
          description: "Workplan ids of this network (default: every current one)",
        },
        { name: "place", description: "Only activities in this place (case ignored)" },
        {
          name: "status",
          description: `Activity statuses, comma-separated: ${ACTIVITY_STATUSES.join(", ")}`,
        },
      ],
      errors: ["bad_request", "not_found"],
    },
    ({ c, deps, caller, params }) =>
      networkCoverage(deps, caller, params.networkId ?? "", {
        workplan: c.req.queries("workplan"),
        place: c.req.query("place"),
        status: c.req.queries("status"),
        locale: c.get("locale"),
      }),
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/report",
      summary:
        "The GCM review report of the network's current workplans: per GCM objective the activities by status, their indicators (baseline, target, means of verification), budget secured against required per currency, lead and partner organisations; as JSON or a Word file (recorded in the audit log)",
      tag: "exports",
      response: gcmReportSchema,
      files: [FILE_TYPES[0] ?? ""],
      query: [{ name: "format", description: "json (default) or docx", enum: REPORT_FORMATS }],
      errors: ["bad_request", "not_found"],
    },
    async ({ c, deps, caller, params }) => {
      const result = await networkReport(deps, caller, params.networkId ?? "", {
        format: c.req.query("format"),
        locale: c.get("locale"),
      });
      return result.kind === "json" ? result.report : fileResponse(result.file);
    },
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId/iati-settings",
      summary:
        "The network's IATI settings (null until a coordinator sets them), the choices the settings page offers, and whether the caller may change them",
      tag: "exports",
      response: iatiSettingsViewSchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => getIatiSettings(deps, caller, params.networkId ?? ""),
  );

  api.user(
    {
      method: "put",
      path: "/api/networks/:networkId/iati-settings",
      summary:
        "Set the network's IATI settings (coordinators): identifier prefix (the reporting organisation's IATI identifier, e.g. XM-DAC-47066), reporting organisation type and name, language, an optional DAC sector; each checked against IATI's codelists (400 says which field is wrong)",
      tag: "exports",
      body: iatiSettingsRequestSchema,
      response: iatiSettingsViewSchema,
      errors: ["forbidden", "not_found", "validation_failed"],
    },
    ({ deps, caller, params, body }) =>
      changeIatiSettings(deps, caller, params.networkId ?? "", body),
  );
}
