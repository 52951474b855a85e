import type { VersionView } from "@junction/domain";
import { api } from "../../api/client";
import { type ResourceHandle, useResource } from "../../api/use-resource";
import { useServerEvent } from "../../app/session";

/** The workplan's saved versions, newest first, refetched when anyone saves one. */
export function useVersions(workplanId: string): ResourceHandle<VersionView[]> {
  const versions = useResource(() => api.versions(workplanId), workplanId);
  const { reload } = versions;
  useServerEvent("versions-changed", (event) => {
    if (event.workplanId === workplanId) reload();
  });
  useServerEvent("reconnected", () => reload());
  return versions;
}
