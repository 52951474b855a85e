import { type NetworkSummary, ORGANISATION_TYPES, type OrganisationView } from "@junction/domain";
import {
  appendAudit,
  createNetwork as insertNetwork,
  createOrganisation as insertOrganisation,
  listNetworks as listAllNetworks,
  listOrganisations,
  listUserNetworks,
  type NetworkWithCounts,
} from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import { requireAdmin, requireNetworkAdministration } from "./access";
import type { Caller } from "./caller";

function toSummary(network: NetworkWithCounts, role: NetworkSummary["role"]): NetworkSummary {
  return {
    id: network.id,
    name: network.name,
    country: network.country,
    description: network.description,
    role,
    organisationCount: network.organisationCount,
    memberCount: network.memberCount,
    workplanCount: network.workplanCount,
  };
}

export function listNetworksFor(deps: Deps, caller: Caller): NetworkSummary[] {
  const mine = listUserNetworks(deps.db, caller.user.id).map((n) => toSummary(n, n.role));
  if (!caller.user.isAdmin) return mine;
  const member = new Set(mine.map((n) => n.id));
  const others = listAllNetworks(deps.db).filter((n) => !member.has(n.id));
  return [...mine, ...others.map((n) => toSummary(n, null))].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
}

export function getNetwork(deps: Deps, caller: Caller, networkId: string): NetworkSummary {
  const membership = requireNetworkAdministration(deps, caller, networkId, "member.read");
  const network = listAllNetworks(deps.db).find((n) => n.id === networkId);
  if (!network) throw new AppError("not_found", msg("network.notFound", { networkId }));
  return toSummary(network, membership?.role ?? null);
}

export function createNetwork(
  deps: Deps,
  caller: Caller,
  input: { name: string; country: string; description: string },
): NetworkSummary {
  requireAdmin(caller);
  const network = insertNetwork(deps.db, input, deps.now());
  appendAudit(
    deps.db,
    {
      actorId: caller.user.id,
      action: "network.create",
      networkId: network.id,
      detail: { name: input.name },
      ip: caller.ip,
    },
    deps.now(),
  );
  return { ...network, role: null, organisationCount: 0, memberCount: 0, workplanCount: 0 };
}

export function listNetworkOrganisations(
  deps: Deps,
  caller: Caller,
  networkId: string,
): OrganisationView[] {
  requireNetworkAdministration(deps, caller, networkId, "member.read");
  return listOrganisations(deps.db, networkId);
}

export function addOrganisation(
  deps: Deps,
  caller: Caller,
  networkId: string,
  input: { name: string; acronym: string; type: string },
): OrganisationView {
  requireNetworkAdministration(deps, caller, networkId, "organisation.manage");
  if (!ORGANISATION_TYPES.some((type) => type.key === input.type)) {
    throw new AppError(
      "validation_failed",
      `Unknown organisation type "${input.type}"; use one of: ${ORGANISATION_TYPES.map((t) => t.key).join(", ")}`,
    );
  }
  const duplicate = listOrganisations(deps.db, networkId).find(
    (o) => o.name.toLowerCase() === input.name.toLowerCase(),
  );
  if (duplicate)
    throw new AppError("conflict", msg("organisation.duplicate", { name: duplicate.name }));
  const organisation = insertOrganisation(deps.db, { ...input, networkId }, deps.now());
  deps.warnings.forgetNetwork(networkId);
  appendAudit(
    deps.db,
    {
      actorId: caller.user.id,
      action: "organisation.create",
      networkId,
      subject: organisation.id,
      detail: input,
      ip: caller.ip,
    },
    deps.now(),
  );
  return { ...organisation, memberCount: 0 };
}
