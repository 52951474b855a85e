import type { MemberView, TaskView } from "@junction/domain";
import { useMemo } from "react";
import { api } from "../../api/client";
import { type ResourceHandle, useResource } from "../../api/use-resource";
import { useServerEvent } from "../../app/session";

/** A network's tasks, reloaded on every `tasks-changed` of that network and after a reconnect. */
export function useNetworkTasks(networkId: string): ResourceHandle<TaskView[]> {
  const resource = useResource(() => api.tasks(networkId), `tasks:${networkId}`);
  const { reload } = resource;
  useServerEvent("tasks-changed", (event) => {
    if (event.networkId === networkId) reload();
  });
  useServerEvent("reconnected", () => reload());
  return resource;
}

/** The members who may take a task (viewers may not), by name. */
export function useAssignableMembers(networkId: string): ResourceHandle<MemberView[]> {
  const resource = useResource(() => api.members(networkId), `task-members:${networkId}`);
  const { reload } = resource;
  useServerEvent("role-changed", (event) => {
    if (event.networkId === networkId) reload();
  });
  return resource;
}

export function assignable(members: readonly MemberView[]): MemberView[] {
  return members
    .filter((member) => member.role !== "viewer")
    .sort((a, b) => a.name.localeCompare(b.name));
}

export type ActivityRef = {
  workplanId: string;
  workplanTitle: string;
  activityId: string;
  title: string;
};

const ACTIVITY_INDEX_TTL_MS = 60_000;
// a tasks table and My work both name the activities of a task: share one load per network
const activityIndexes = new Map<string, { at: number; loading: Promise<ActivityRef[]> }>();

async function fetchActivities(networkId: string): Promise<ActivityRef[]> {
  const workplans = await api.workplans(networkId);
  const lists = await Promise.all(
    workplans
      .filter((workplan) => !workplan.archived)
      .map(async (workplan) =>
        (await api.activities(workplan.id)).map((activity) => ({
          workplanId: workplan.id,
          workplanTitle: workplan.title,
          activityId: activity.id,
          title: activity.title,
        })),
      ),
  );
  return lists.flat();
}

function loadActivities(networkId: string): Promise<ActivityRef[]> {
  const cached = activityIndexes.get(networkId);
  if (cached && Date.now() - cached.at < ACTIVITY_INDEX_TTL_MS) return cached.loading;
  const loading = fetchActivities(networkId);
  activityIndexes.set(networkId, { at: Date.now(), loading });
  loading.catch(() => activityIndexes.delete(networkId));
  return loading;
}

/** Every activity of the given networks by id, to link a task's activities to their workplan. */
export function useActivityIndex(networkIds: readonly string[]): Map<string, ActivityRef> {
  const key = [...new Set(networkIds)].sort().join(",");
  const resource = useResource(
    async () => (await Promise.all(key ? key.split(",").map(loadActivities) : [])).flat(),
    `activity-index:${key}`,
  );
  const { data } = resource;
  return useMemo(() => new Map((data ?? []).map((ref) => [ref.activityId, ref])), [data]);
}

export function activityPath(ref: Pick<ActivityRef, "workplanId" | "activityId">): string {
  return `/workplans/${encodeURIComponent(ref.workplanId)}#activity-${encodeURIComponent(ref.activityId)}`;
}
