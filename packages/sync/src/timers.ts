export type TimerHandle = { unref?(): void };

type HostTimers = {
  setTimeout(task: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
  setImmediate?(task: () => void): unknown;
};

// sync compiles with "types": [] so Node's timer types stay out of its API; every JS host has these
const host = globalThis as unknown as HostTimers;

/** Runs `task` after `ms`; the timer never keeps the process alive on its own. */
export function startTimer(task: () => void, ms: number): TimerHandle {
  const handle = host.setTimeout(task, ms);
  handle.unref?.();
  return handle;
}

export function stopTimer(handle: TimerHandle | null): void {
  if (handle !== null) host.clearTimeout(handle);
}

/** Runs `task` once the current event-loop turn has handled all its I/O (Node's check phase). */
export function afterIo(task: () => void): void {
  if (host.setImmediate) host.setImmediate(task);
  else host.setTimeout(task, 0);
}
