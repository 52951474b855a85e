import { randomUUID } from "node:crypto";
import type { DocumentBus } from "@junction/sync";
import { createEventBus, type EventBus } from "../events";

/**
 * What one process tells the others that share its storage, so they re-check their own open
 * sockets and streams against it: a member's role in a network, a workplan's roles (stage,
 * archive), a user's credentials (sign-out, token revocation, password change).
 */
export type Notice =
  | { type: "role"; networkId: string; userId: string }
  | { type: "workplan"; workplanId: string }
  | { type: "credentials"; userId: string };

/** The processes serving one deployment, as this one sees them. */
export interface Deployment {
  readonly processId: string;
  /** `/api/events` for every process: a published event reaches each subscriber once. */
  readonly events: EventBus;
  /** Document updates and presence between processes; undefined when this one is alone. */
  readonly documents: DocumentBus | undefined;
  /** Tells every other process (never this one) to re-check what `notice` names. */
  notify(notice: Notice): void;
  /** Hears other processes' notices; set once, by the composition root. */
  onNotice(handler: (notice: Notice) => void): void;
  close(): Promise<void>;
}

/** One process alone (no `REDIS_URL`): events stay in memory and nobody else needs telling. */
export function createLocalDeployment(): Deployment {
  return {
    processId: randomUUID(),
    events: createEventBus(),
    documents: undefined,
    notify() {},
    onNotice() {},
    async close() {},
  };
}
