import type { MemberView } from "@junction/domain";
import { useCallback, useMemo } from "react";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { subscribeServerEvent, useServerEvent } from "../../app/session";

// many callouts on one workplan page share a network's members: one request, not one each
const cache = new Map<string, Promise<MemberView[]>>();

subscribeServerEvent("role-changed", (event) => cache.delete(event.networkId));

function loadMembers(networkId: string): Promise<MemberView[]> {
  if (!networkId) return Promise.resolve([]);
  const cached = cache.get(networkId);
  if (cached) return cached;
  const loading = api.members(networkId);
  cache.set(networkId, loading);
  loading.catch(() => cache.delete(networkId));
  return loading;
}

/** The network's members and a lookup of a user id to a name, for decision lines and assignees. */
export function useNetworkMembers(networkId: string) {
  const members = useResource(() => loadMembers(networkId), `warning-members:${networkId}`);
  const { reload } = members;
  useServerEvent("role-changed", (event) => {
    if (event.networkId === networkId) reload();
  });
  const list = members.data;
  const names = useMemo(() => new Map((list ?? []).map((m) => [m.userId, m.name])), [list]);
  const nameOf = useCallback((userId: string) => names.get(userId), [names]);
  return { members: list ?? [], status: members.status, error: members.error, reload, nameOf };
}
