import type { MyWork, TaskView } from "@junction/domain";
import { useEffect, useSyncExternalStore } from "react";
import { api } from "../../api/client";
import type { Resource } from "../../api/use-resource";
import { type ServerEventType, subscribeServerEvent } from "../../app/session";

// any of these may add or remove something on a person's My work; after a reconnect, anything
const RELOAD_ON: readonly ServerEventType[] = [
  "tasks-changed",
  "comments-changed",
  "owners-changed",
  "warnings-changed",
  "role-changed",
  "notification",
  "stage-changed",
  "lifecycle-changed",
  "reconnected",
];
// a burst of events (a coordinator creating two tasks) becomes one request
const COALESCE_MS = 150;

// the header's count and the My work page share one copy, so one request serves both
let state: Resource<MyWork> = { status: "loading", data: undefined, error: undefined };
let loadedFor: string | null = null;
let generation = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
const listeners = new Set<() => void>();
let unsubscribeEvents: (() => void) | null = null;

function set(next: Resource<MyWork>): void {
  state = next;
  for (const listener of listeners) listener();
}

function load(): void {
  const mine = ++generation;
  if (state.status === "error") set({ status: "loading", data: undefined, error: undefined });
  api.myWork().then(
    (data) => {
      if (mine === generation) set({ status: "ready", data, error: undefined });
    },
    (error: unknown) => {
      if (mine === generation && state.status !== "ready") {
        set({ status: "error", data: undefined, error });
      }
    },
  );
}

function scheduleLoad(): void {
  clearTimeout(timer);
  timer = setTimeout(load, COALESCE_MS);
}

/** Keeps My work loaded and current while anyone listens (the header's count, the page). */
export function subscribeMyWork(listener: () => void): () => void {
  listeners.add(listener);
  if (!unsubscribeEvents) {
    const offs = RELOAD_ON.map((type) => subscribeServerEvent(type, scheduleLoad));
    unsubscribeEvents = () => {
      for (const off of offs) off();
    };
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      unsubscribeEvents?.();
      unsubscribeEvents = null;
    }
  };
}

const getSnapshot = () => state;

/** Puts a task changed here into My work at once; the server's event confirms it. */
export function replaceMyTask(task: TaskView): void {
  if (state.status !== "ready") return;
  const tasks = state.data.tasks.map((t) => (t.id === task.id ? task : t));
  set({ status: "ready", data: { ...state.data, tasks }, error: undefined });
}

/** The signed-in user's My work, loaded once per user and kept current by server events. */
export function useMyWork(userId: string): Resource<MyWork> & { reload: () => void } {
  const current = useSyncExternalStore(subscribeMyWork, getSnapshot, getSnapshot);
  useEffect(() => {
    if (loadedFor === userId) return;
    loadedFor = userId;
    set({ status: "loading", data: undefined, error: undefined });
    load();
  }, [userId]);
  return { ...current, reload: load };
}
