import type { LifecycleView } from "@junction/domain";
import { api } from "../../api/client";
import { type ResourceHandle, useResource } from "../../api/use-resource";
import { useServerEvent } from "../../app/session";

/** The workplan's stage, consultation, validation round and revisions, refetched as they change. */
export function useLifecycle(workplanId: string): ResourceHandle<LifecycleView> {
  const lifecycle = useResource(() => api.lifecycle(workplanId), workplanId);
  const { reload } = lifecycle;
  useServerEvent("stage-changed", (event) => {
    if (event.workplanId === workplanId) reload();
  });
  useServerEvent("lifecycle-changed", (event) => {
    if (event.workplanId === workplanId) reload();
  });
  useServerEvent("reconnected", () => reload());
  return lifecycle;
}
