import type { WarningCounts, WarningDecision, WarningView } from "@junction/domain";
import { useEffect, useMemo, useRef } from "react";
import { api } from "../../api/client";
import { type PagedList, usePagedList } from "../../api/use-paged-list";
import { useResource } from "../../api/use-resource";
import { useServerEvent } from "../../app/session";
import { changedActivityIds, groupByActivity, patchWarnings } from "./warning-logic";

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
 * The warnings on one workplan's activities, by activity id, kept current live: a change that
 * names its activities fetches just theirs, any other reloads them all.
 * @example const warnings = useWorkplanWarnings(workplanId); warnings.get(activity.id) ?? []
 */
export function useWorkplanWarnings(workplanId: string): Map<string, WarningView[]> {
  const resource = useResource(
    () => api.workplanWarnings(workplanId),
    `workplan-warnings:${workplanId}`,
  );
  const { reload, update, status } = resource;
  // fetches answer in the order the events came, so an older answer never overwrites a newer one
  const queue = useRef(Promise.resolve());
  const isReady = useRef(false);
  isReady.current = status === "ready";
  const shown = useRef(workplanId);
  shown.current = workplanId;
  useServerEvent("warnings-changed", (event) => {
    // an empty list means anything may have changed (the event stream reconnected)
    if (event.workplanIds.length > 0 && !event.workplanIds.includes(workplanId)) return;
    const activityIds = changedActivityIds(event, workplanId);
    if (activityIds?.length === 0) return;
    if (!isReady.current) {
      reload();
      return;
    }
    queue.current = queue.current.then(async () => {
      try {
        if (activityIds === null) {
          const all = await api.workplanWarnings(workplanId);
          if (shown.current === workplanId) update(() => all);
        } else {
          const fresh = await api.workplanWarnings(workplanId, activityIds);
          if (shown.current === workplanId)
            update((list) => patchWarnings(list, fresh, workplanId, activityIds));
        }
      } catch {
        reload();
      }
    });
  });
  useEffect(() => {
    const listener = (updated: WarningView) =>
      update((list) => list.map((w) => (w.id === updated.id ? updated : w)));
    decidedListeners.add(listener);
    return () => {
      decidedListeners.delete(listener);
    };
  }, [update]);
  const { data } = resource;
  return useMemo(() => groupByActivity(data ?? [], workplanId), [data, workplanId]);
}
