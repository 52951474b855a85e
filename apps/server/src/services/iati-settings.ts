import { can, type IatiSettingsView } from "@junction/domain";
import { type IatiSettings, iatiCodelist, parseIatiSettings } from "@junction/exports/settings";
import { appendAudit, findIatiSettings, findNetwork, saveIatiSettings } from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { requireNetworkPermission } from "./access";
import type { Caller } from "./caller";

/** The settings an IATI export uses, or null while the network has none. */
export function currentIatiSettings(deps: Deps, networkId: string): IatiSettings | null {
  const stored = findIatiSettings(deps.db, networkId);
  if (!stored) return null;
  return {
    prefix: stored.prefix,
    reportingOrgType: stored.reportingOrgType,
    ...(stored.reportingOrgName ? { reportingOrgName: stored.reportingOrgName } : {}),
    language: stored.language,
    sector: stored.sector,
  };
}

function viewOf(deps: Deps, networkId: string, role: Parameters<typeof can>[0]): IatiSettingsView {
  const stored = findIatiSettings(deps.db, networkId);
  return {
    settings: stored,
    defaultReportingOrgName: findNetwork(deps.db, networkId)?.name ?? "",
    organisationTypes: iatiCodelist("OrganisationType"),
    canChange: can(role, "network.configure"),
  };
}

export function getIatiSettings(deps: Deps, caller: Caller, networkId: string): IatiSettingsView {
  const membership = requireNetworkPermission(deps, caller, networkId, "workplan.read");
  return viewOf(deps, networkId, membership.role);
}

/** Coordinators set what the network's IATI files say about who publishes them. */
export function changeIatiSettings(
  deps: Deps,
  caller: Caller,
  networkId: string,
  body: unknown,
): IatiSettingsView {
  const membership = requireNetworkPermission(deps, caller, networkId, "network.configure");
  const parsed = parseIatiSettings(body);
  if (!parsed.ok) {
    throw new AppError(
      "validation_failed",
      parsed.issues.map((issue) => `${issue.field}: ${issue.message}`).join("; "),
    );
  }
  const { settings } = parsed;
  const save = deps.db.transaction(() => {
    saveIatiSettings(
      deps.db,
      networkId,
      {
        prefix: settings.prefix,
        reportingOrgType: settings.reportingOrgType,
        reportingOrgName: settings.reportingOrgName || null,
        language: settings.language,
        sector: settings.sector || null,
        updatedBy: caller.user.id,
      },
      deps.now(),
    );
    appendAudit(
      deps.db,
      {
        actorId: caller.user.id,
        action: "network.iati-settings",
        networkId,
        subject: networkId,
        detail: { ...settings },
        ip: caller.ip,
      },
      deps.now(),
    );
  });
  save.immediate();
  return viewOf(deps, networkId, membership.role);
}
