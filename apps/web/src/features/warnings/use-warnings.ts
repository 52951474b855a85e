import type { WarningDecision, WarningView } from "@junction/domain";
import { useEffect, useMemo } from "react";
import { api } from "../../api/client";
import { type ResourceHandle, useResource } from "../../api/use-resource";
import { useServerEvent } from "../../app/session";
import { countOpen, groupByActivity } from "./warning-logic";

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

/** Every warning of a network, kept current by `warnings-changed` events. */
export function useNetworkWarnings(networkId: string): ResourceHandle<WarningView[]> {
  const resource = useResource(() => api.networkWarnings(networkId), `warnings:${networkId}`);
  useWarningList(resource, (event) => event.networkId === networkId);
  return resource;
}

/** The open warnings of the current network for the header badge; null until known. */
export function useOpenWarningCount(networkId: string | null): number | null {
  const resource = useResource(
    () => (networkId ? api.networkWarnings(networkId) : Promise.resolve([])),
    `warning-count:${networkId ?? ""}`,
  );
  useWarningList(resource, (event) => event.networkId === networkId);
  return networkId && resource.status === "ready" ? countOpen(resource.data) : null;
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
