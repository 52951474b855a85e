import type { RoleChangedEvent } from "@junction/domain";

/** Governance events pushed to browsers over /api/events; `networkId` scopes who may see them. */
export type ServerEvent = {
  type: "role-changed";
  networkId: string;
  data: RoleChangedEvent;
};

export type EventListener = (event: ServerEvent) => void;

export type EventBus = {
  publish(event: ServerEvent): void;
  subscribe(listener: EventListener): () => void;
};

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    publish(event) {
      for (const listener of listeners) listener(event);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
