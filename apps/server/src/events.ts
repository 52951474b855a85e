import type {
  CommentsChangedEvent,
  LifecycleChangedEvent,
  NotificationEvent,
  NotificationsReadEvent,
  OwnersChangedEvent,
  RoleChangedEvent,
  StageChangedEvent,
  SuggestionsChangedEvent,
  TasksChangedEvent,
  VersionsChangedEvent,
  WarningsChangedEvent,
} from "@junction/domain";

/**
 * Governance events pushed to browsers over /api/events. `networkId` scopes who may see them
 * (members of that network); an event with a `userId` goes to that one user only.
 */
export type ServerEvent =
  | { type: "role-changed"; networkId: string; data: RoleChangedEvent }
  | { type: "warnings-changed"; networkId: string; data: WarningsChangedEvent }
  | { type: "comments-changed"; networkId: string; data: CommentsChangedEvent }
  | { type: "suggestions-changed"; networkId: string; data: SuggestionsChangedEvent }
  | { type: "tasks-changed"; networkId: string; data: TasksChangedEvent }
  | { type: "owners-changed"; networkId: string; data: OwnersChangedEvent }
  | { type: "stage-changed"; networkId: string; data: StageChangedEvent }
  | { type: "lifecycle-changed"; networkId: string; data: LifecycleChangedEvent }
  | { type: "versions-changed"; networkId: string; data: VersionsChangedEvent }
  | { type: "notification"; userId: string; data: NotificationEvent }
  | { type: "notifications-read"; userId: string; data: NotificationsReadEvent };

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
