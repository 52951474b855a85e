import type { ServerType } from "@hono/node-server";
import type { Role } from "@junction/domain";
import type { Deps, LiveDocuments } from "./deps";

export type SyncAttachment = LiveDocuments & { close(): Promise<void> };

/** Placeholder until the sync server lands: no WebSocket endpoint yet. */
export function attachSync(_server: ServerType, _deps: Deps): SyncAttachment {
  return {
    setRole(_networkId: string, _userId: string, _role: Role | null) {},
    close: async () => {},
  };
}
