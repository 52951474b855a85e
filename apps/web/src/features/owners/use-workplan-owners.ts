import type { OwnerView } from "@junction/domain";
import { useMemo } from "react";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { useServerEvent } from "../../app/session";

export type WorkplanOwnersHandle = {
  /** Owners by activity id; activities without owners are absent. */
  byActivity: ReadonlyMap<string, readonly OwnerView[]>;
  reload: () => void;
};

/** The owners of every activity of a workplan, loaded once and reloaded on `owners-changed`. */
export function useWorkplanOwners(workplanId: string): WorkplanOwnersHandle {
  const resource = useResource(
    () => api.workplanOwners(workplanId),
    `workplan-owners:${workplanId}`,
  );
  const { data, reload } = resource;
  useServerEvent("owners-changed", (event) => {
    if (event.workplanId === workplanId) reload();
  });
  const byActivity = useMemo(() => new Map(Object.entries(data ?? {})), [data]);
  return useMemo(() => ({ byActivity, reload }), [byActivity, reload]);
}
