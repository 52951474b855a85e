import {
  ACTIVITY_STATUSES,
  type ActivityStatus,
  type CoverageView,
  type GcmReportView,
  type IatiCheck,
  NETWORK_EXPORT_FORMATS,
  REPORT_FORMATS,
  WORKPLAN_EXPORT_FORMATS,
} from "@junction/domain";
import {
  type AuditInput,
  appendAudit,
  countOpenSuggestions,
  findNetwork,
  findWorkplan,
  isStorageUnavailable,
  listOrganisations,
  listWorkplanActivities,
  listWorkplans,
  type WorkplanRecord,
} from "@junction/store";
import * as Y from "yjs";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import type { ExportFile, ExportJob, ExportSource, SourceWorkplan } from "../exports/export-jobs";
import { requireNetworkPermission, requireWorkplanPermission } from "./access";
import type { Caller } from "./caller";
import { readLiveState } from "./document-state";
import { currentIatiSettings } from "./iati-settings";
import { loadVersionDocument } from "./versions";

type WorkplanFormat = (typeof WORKPLAN_EXPORT_FORMATS)[number];
type NetworkFormat = (typeof NETWORK_EXPORT_FORMATS)[number];

/** A file to send, and what an IATI export left out (the route puts the counts in headers). */
export type ExportedFile = Omit<ExportFile, "kind">;

function pickFormat<T extends string>(
  value: string | undefined,
  allowed: readonly T[],
  what: string,
): T {
  if (value && (allowed as readonly string[]).includes(value)) return value as T;
  const list = allowed.join(", ");
  if (!value) throw new AppError("bad_request", `Say which format: ?format= one of ${list}`);
  throw new AppError(
    "bad_request",
    `Unknown format "${value}": ${what} exports as ${list}${
      what === "a network" && (WORKPLAN_EXPORT_FORMATS as readonly string[]).includes(value)
        ? ` (${value} is for one workplan: /api/workplans/:workplanId/export?format=${value})`
        : ""
    }`,
  );
}

function sourceBase(deps: Deps, networkId: string): Omit<ExportSource, "workplans"> {
  const network = findNetwork(deps.db, networkId);
  if (!network) throw new AppError("not_found", `Network ${networkId} not found`);
  return {
    network: { id: network.id, name: network.name, country: network.country },
    organisations: listOrganisations(deps.db, networkId).map((o) => ({
      id: o.id,
      name: o.name,
      acronym: o.acronym,
      type: o.type,
    })),
    generatedAt: new Date(deps.now()).toISOString(),
  };
}

function liveWorkplan(deps: Deps, workplan: WorkplanRecord): SourceWorkplan {
  return {
    id: workplan.id,
    title: workplan.title,
    stage: workplan.stage,
    version: null,
    state: readLiveState(deps, workplan.id),
    openSuggestions: countOpenSuggestions(deps.db, workplan.id),
  };
}

function indexedWorkplan(deps: Deps, workplan: WorkplanRecord): SourceWorkplan {
  return {
    id: workplan.id,
    title: workplan.title,
    stage: workplan.stage,
    version: null,
    activities: listWorkplanActivities(deps.db, workplan.id),
  };
}

/** The network's current workplans: archived ones are left out of its exports and views. */
function currentWorkplans(deps: Deps, networkId: string): WorkplanRecord[] {
  return listWorkplans(deps.db, networkId).filter((workplan) => !workplan.archived);
}

async function runFile(deps: Deps, job: ExportJob): Promise<ExportedFile> {
  const outcome = await deps.exports.run(job);
  if (outcome.kind === "file") {
    const { kind: _, ...file } = outcome;
    return file;
  }
  if (outcome.kind === "empty") {
    const reasons = outcome.iati.skipped
      .slice(0, 5)
      .map((s) => `${s.activityId} "${s.title}": ${s.reasons.join("; ")}`);
    const more =
      outcome.iati.skipped.length > 5 ? ` and ${outcome.iati.skipped.length - 5} more` : "";
    throw new AppError(
      "unprocessable",
      outcome.iati.skipped.length === 0
        ? "There is no activity to publish to IATI: an IATI file needs at least one"
        : `No activity can be published to IATI as recorded, so there is no file: ${reasons.join(" | ")}${more}`,
    );
  }
  throw new Error(`an export job answered ${outcome.kind} instead of a file`);
}

/** Every export is in the audit log; a locked database records it a moment later. */
function recordExport(deps: Deps, entry: AuditInput): void {
  const at = deps.now();
  try {
    appendAudit(deps.db, entry, at);
  } catch (error) {
    if (!isStorageUnavailable(error)) throw error;
    deps.background.schedule(`audit:export:${at}:${Math.random()}`, () =>
      appendAudit(deps.db, entry, at),
    );
  }
}

function iatiSettingsFor(deps: Deps, networkId: string, format: string) {
  if (format !== "iati") return null;
  const settings = currentIatiSettings(deps, networkId);
  if (!settings) {
    throw new AppError(
      "conflict",
      "This network has no IATI settings yet: a coordinator sets its IATI identifier prefix on the network's IATI settings page first",
    );
  }
  return settings;
}

function iatiDetail(file: ExportedFile): Record<string, unknown> {
  if (!file.iati) return {};
  return {
    iatiExported: file.iati.exported,
    iatiSkipped: file.iati.skipped.map((s) => ({
      workplanId: s.workplanId,
      activityId: s.activityId,
    })),
  };
}

/**
 * A workplan as a file: the live document, or a saved version (`version`). Anyone who may read
 * the workplan may export it; strangers get 404.
 */
export async function exportWorkplan(
  deps: Deps,
  caller: Caller,
  workplanId: string,
  query: { format?: string; version?: string },
): Promise<ExportedFile> {
  const { workplan } = requireWorkplanPermission(deps, caller, workplanId, "workplan.read");
  const format = pickFormat<WorkplanFormat>(query.format, WORKPLAN_EXPORT_FORMATS, "a workplan");
  const iati = iatiSettingsFor(deps, workplan.networkId, format);
  let source: SourceWorkplan;
  if (query.version !== undefined) {
    const loaded = loadVersionDocument(deps, caller, workplanId, query.version);
    source = {
      id: workplan.id,
      title: workplan.title,
      stage: loaded.version.stage,
      version: {
        id: loaded.version.id,
        name: loaded.version.name,
        createdAt: loaded.version.createdAt,
      },
      state: Y.encodeStateAsUpdate(loaded.ydoc),
    };
    loaded.ydoc.destroy();
  } else {
    source = liveWorkplan(deps, workplan);
  }
  const file = await runFile(deps, {
    kind: "file",
    format,
    source: { ...sourceBase(deps, workplan.networkId), workplans: [source] },
    iati,
  });
  recordExport(deps, {
    actorId: caller.user.id,
    action: "export.workplan",
    networkId: workplan.networkId,
    subject: workplan.id,
    detail: {
      format,
      versionId: source.version?.id ?? null,
      versionName: source.version?.name ?? null,
      fileName: file.fileName,
      activities: file.activities,
      bytes: file.bytes.byteLength,
      ...iatiDetail(file),
    },
    ip: caller.ip,
  });
  return file;
}

/** Every current workplan of the network in one spreadsheet or IATI file. */
export async function exportNetwork(
  deps: Deps,
  caller: Caller,
  networkId: string,
  query: { format?: string },
): Promise<ExportedFile> {
  requireNetworkPermission(deps, caller, networkId, "workplan.read");
  const format = pickFormat<NetworkFormat>(query.format, NETWORK_EXPORT_FORMATS, "a network");
  const iati = iatiSettingsFor(deps, networkId, format);
  const workplans = currentWorkplans(deps, networkId);
  const file = await runFile(deps, {
    kind: "file",
    format,
    source: {
      ...sourceBase(deps, networkId),
      workplans: workplans.map((workplan) => liveWorkplan(deps, workplan)),
    },
    iati,
  });
  recordExport(deps, {
    actorId: caller.user.id,
    action: "export.network",
    networkId,
    subject: networkId,
    detail: {
      format,
      workplans: workplans.map((workplan) => workplan.id),
      fileName: file.fileName,
      activities: file.activities,
      bytes: file.bytes.byteLength,
      ...iatiDetail(file),
    },
    ip: caller.ip,
  });
  return file;
}

/**
 * What an IATI export of the workplan (or version) or of the whole network would leave out, and
 * why, before anyone downloads it: the export page lists it.
 */
export async function checkIati(
  deps: Deps,
  caller: Caller,
  scope: { networkId: string } | { workplanId: string; version?: string },
): Promise<IatiCheck> {
  let networkId: string;
  let workplans: SourceWorkplan[];
  if ("workplanId" in scope) {
    const { workplan } = requireWorkplanPermission(deps, caller, scope.workplanId, "workplan.read");
    networkId = workplan.networkId;
    if (scope.version !== undefined) {
      const loaded = loadVersionDocument(deps, caller, workplan.id, scope.version);
      workplans = [
        {
          id: workplan.id,
          title: workplan.title,
          stage: loaded.version.stage,
          version: loaded.version,
          state: Y.encodeStateAsUpdate(loaded.ydoc),
        },
      ];
      loaded.ydoc.destroy();
    } else {
      workplans = [liveWorkplan(deps, workplan)];
    }
  } else {
    requireNetworkPermission(deps, caller, scope.networkId, "workplan.read");
    networkId = scope.networkId;
    workplans = currentWorkplans(deps, networkId).map((workplan) => liveWorkplan(deps, workplan));
  }
  const outcome = await deps.exports.run({
    kind: "iati-check",
    source: { ...sourceBase(deps, networkId), workplans },
    iati: currentIatiSettings(deps, networkId),
  });
  if (outcome.kind !== "json") throw new Error("an IATI check answered no JSON");
  return outcome.value as IatiCheck;
}

function listParam(value: string | string[] | undefined): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return values
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter(Boolean);
}

/**
 * The coverage matrix (all 23 GCM objectives x the network's organisations) from the activity
 * index; filters: `workplan` (ids, repeated or comma-separated), `place`, `status`.
 */
export async function networkCoverage(
  deps: Deps,
  caller: Caller,
  networkId: string,
  query: { workplan?: string | string[]; place?: string; status?: string | string[] },
): Promise<CoverageView> {
  requireNetworkPermission(deps, caller, networkId, "workplan.read");
  const workplanIds = listParam(query.workplan);
  const statuses = listParam(query.status);
  for (const status of statuses) {
    if (!(ACTIVITY_STATUSES as readonly string[]).includes(status)) {
      throw new AppError(
        "bad_request",
        `Unknown status "${status}": filter by ${ACTIVITY_STATUSES.join(", ")}`,
      );
    }
  }
  const place = query.place?.trim() ?? "";
  if (place.length > 200) throw new AppError("bad_request", "A place is at most 200 characters");
  const workplans =
    workplanIds.length === 0
      ? currentWorkplans(deps, networkId)
      : workplanIds.map((id) => {
          const workplan = findWorkplan(deps.db, id);
          if (!workplan || workplan.networkId !== networkId) {
            throw new AppError(
              "bad_request",
              `Workplan ${id} is not a workplan of this network; see /api/networks/${networkId}/workplans`,
            );
          }
          return workplan;
        });
  const outcome = await deps.exports.run({
    kind: "coverage",
    source: {
      ...sourceBase(deps, networkId),
      workplans: workplans.map((workplan) => indexedWorkplan(deps, workplan)),
    },
    filters: {
      ...(place ? { place } : {}),
      ...(statuses.length > 0 ? { statuses: statuses as ActivityStatus[] } : {}),
    },
  });
  if (outcome.kind !== "json") throw new Error("the coverage job answered no JSON");
  return outcome.value as CoverageView;
}

/** The GCM review report of the network's current workplans, as JSON or Word. */
export async function networkReport(
  deps: Deps,
  caller: Caller,
  networkId: string,
  query: { format?: string },
): Promise<{ kind: "json"; report: GcmReportView } | { kind: "file"; file: ExportedFile }> {
  requireNetworkPermission(deps, caller, networkId, "workplan.read");
  const format = pickFormat(query.format ?? "json", REPORT_FORMATS, "the GCM report");
  const workplans = currentWorkplans(deps, networkId);
  const job: ExportJob = {
    kind: "report",
    format,
    source: {
      ...sourceBase(deps, networkId),
      workplans: workplans.map((workplan) => indexedWorkplan(deps, workplan)),
    },
  };
  if (format === "json") {
    const outcome = await deps.exports.run(job);
    if (outcome.kind !== "json") throw new Error("the report job answered no JSON");
    return { kind: "json", report: outcome.value as GcmReportView };
  }
  const file = await runFile(deps, job);
  recordExport(deps, {
    actorId: caller.user.id,
    action: "export.report",
    networkId,
    subject: networkId,
    detail: {
      format,
      workplans: workplans.map((workplan) => workplan.id),
      fileName: file.fileName,
      activities: file.activities,
      bytes: file.bytes.byteLength,
    },
    ip: caller.ip,
  });
  return { kind: "file", file };
}
