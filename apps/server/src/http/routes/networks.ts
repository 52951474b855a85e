import {
  createNetworkRequestSchema,
  createOrganisationRequestSchema,
  networkSummarySchema,
  organisationViewSchema,
} from "@junction/domain";
import {
  addOrganisation,
  createNetwork,
  getNetwork,
  listNetworkOrganisations,
  listNetworksFor,
} from "../../services/networks";
import { LIST_ORDERS, pageOfShortList } from "../pagination";
import type { RouteRegistry } from "../route";

/** Networks and their organisations (services/networks.ts). */
export function registerNetworkRoutes(api: RouteRegistry): void {
  api.collection(
    {
      path: "/api/networks",
      summary: "Networks the user belongs to",
      tag: "networks",
      item: networkSummarySchema,
    },
    ({ deps, caller, page }) =>
      pageOfShortList(listNetworksFor(deps, caller), LIST_ORDERS.byName, page),
  );

  api.user(
    {
      method: "post",
      path: "/api/networks",
      summary: "Create a network (instance administrators)",
      tag: "networks",
      body: createNetworkRequestSchema,
      response: networkSummarySchema,
      status: 201,
      errors: ["forbidden"],
    },
    ({ deps, caller, body }) => createNetwork(deps, caller, body),
  );

  api.user(
    {
      method: "get",
      path: "/api/networks/:networkId",
      summary: "One network",
      tag: "networks",
      response: networkSummarySchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params }) => getNetwork(deps, caller, params.networkId ?? ""),
  );

  api.collection(
    {
      path: "/api/networks/:networkId/organisations",
      summary: "The network's organisations",
      tag: "networks",
      item: organisationViewSchema,
      errors: ["not_found"],
    },
    ({ deps, caller, params, page }) =>
      pageOfShortList(
        listNetworkOrganisations(deps, caller, params.networkId ?? ""),
        LIST_ORDERS.byName,
        page,
      ),
  );

  api.user(
    {
      method: "post",
      path: "/api/networks/:networkId/organisations",
      summary: "Add an organisation to the network (coordinators)",
      tag: "networks",
      body: createOrganisationRequestSchema,
      response: organisationViewSchema,
      status: 201,
      errors: ["forbidden", "not_found", "conflict"],
    },
    ({ deps, caller, params, body }) => addOrganisation(deps, caller, params.networkId ?? "", body),
  );
}
