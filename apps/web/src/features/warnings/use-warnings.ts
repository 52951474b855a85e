import type { WarningCounts, WarningDecision, WarningView } from "@junction/domain";
import { useEffect, useMemo } from "react";
import { api } from "../../api/client";
import { type PagedList, usePagedList } from "../../api/use-paged-list";
import { type ResourceHandle, useResource } from "../../api/use-resource";
import { useServerEvent } from "../../app/session";
import { groupByActivity } from "./warning-logic";

/** Warnings a list asks for at a time. */
export const WARNING_PAGE_SIZE = 50;

const decidedListeners = new Set<(warning: WarningView) => void>();

/** Records a coordinator's decision; every mounted warning list shows it before the server's event. */
export async function decideWarning(
  warningId: string,
  decision: WarningDecision,
): Promise<WarningView> {
  const updated = await api.decideWarning(warningId, decision);
  for (const listener of decidedListeners) listener(updated);
  return updated;
}

function useWarningList(
  resource: ResourceHandle<WarningView[]>,
  isMine: (event: { networkId: string; workplanIds: string[] }) => boolean,
): void {
  const { reload, update } = resource;
  useServerEvent("warnings-changed", (event) => {
    if (isMine(event)) reload();
  });
  useEffect(() => {
    const listener = (updated: WarningView) =>
      update((list) => list.map((w) => (w.id === updated.id ? updated : w)));
    decidedListeners.add(listener);
    return () => {
      decidedListeners.delete(listener);
    };
  }, [update]);
}

/** Warnings a list page shows: a status (`decided`: both kinds) and a lead organisation. */
export type WarningQuery = {
  status: "open" | "decided" | "dismissed" | "coordinate";
  organisation: string;
};

/** One status of a network's warnings, paged and filtered by the server, kept current live. */
export function useNetworkWarnings(
  networkId: string,
  query: WarningQuery,
  pageSize = WARNING_PAGE_SIZE,
): PagedList<WarningView> {
  const list = usePagedList(
    (limit, next) =>
      api.warningPage(
        networkId,
        { status: query.status, organisation: query.organisation, limit },
        next,
      ),
    `warnings:${networkId}:${query.status}:${query.organisation}`,
    pageSize,
  );
  const { reload, update } = list;
  useServerEvent("warnings-changed", (event) => {
    if (event.networkId === networkId) reload();
  });
  useEffect(() => {
    const listener = (updated: WarningView) => {
      // a decision moves a warning to another list: leave this one at once, then ask again
      update((items) => items.filter((w) => w.id !== updated.id || matches(updated, query)));
      update((items) => items.map((w) => (w.id === updated.id ? updated : w)));
      reload();
    };
    decidedListeners.add(listener);
    return () => {
      decidedListeners.delete(listener);
    };
  }, [update, reload, query]);
  return list;
}

function matches(warning: WarningView, query: WarningQuery): boolean {
  if (query.status === "decided") return warning.status !== "open";
  return warning.status === query.status;
}

/** How many of a network's warnings are open and decided (counted by the server). */
export function useWarningCounts(
  networkId: string | null,
  organisation = "",
): WarningCounts | null {
  const resource = useResource(
    () =>
      networkId
        ? api.warningCounts(networkId, organisation || undefined)
        : Promise.resolve({ open: 0, dismissed: 0, coordinate: 0 }),
    `warning-counts:${networkId ?? ""}:${organisation}`,
  );
  const { reload } = resource;
  useServerEvent("warnings-changed", (event) => {
    if (event.networkId === networkId) reload();
  });
  useEffect(() => {
    const listener = () => reload();
    decidedListeners.add(listener);
    return () => {
      decidedListeners.delete(listener);
    };
  }, [reload]);
  return networkId && resource.status === "ready" ? resource.data : null;
}

/** The open warnings of the current network for the header badge; null until known. */
export function useOpenWarningCount(networkId: string | null): number | null {
  return useWarningCounts(networkId)?.open ?? null;
}

/**
 * The warnings on one workplan's activities, by activity id, kept current live.
 * @example const warnings = useWorkplanWarnings(workplanId); warnings.get(activity.id) ?? []
 */
export function useWorkplanWarnings(workplanId: string): Map<string, WarningView[]> {
  const resource = useResource(
    () => api.workplanWarnings(workplanId),
    `workplan-warnings:${workplanId}`,
  );
  // an empty list means anything may have changed (the event stream reconnected)
  useWarningList(
    resource,
    (event) => event.workplanIds.length === 0 || event.workplanIds.includes(workplanId),
  );
  const { data } = resource;
  return useMemo(() => groupByActivity(data ?? [], workplanId), [data, workplanId]);
}
