import { isStorageUnavailable } from "@junction/store";
import type { Logger } from "./log";

/**
 * Writes that follow a change already made (a notification, the memory of a removed activity):
 * run off the hot path, and while the database is locked by another connection, again later with
 * growing pauses, never blocking the event loop and never throwing into a timer.
 */
export type BackgroundWriter = {
  /** Runs `write` soon; the latest `write` scheduled under `key` replaces an earlier one. */
  schedule(key: string, write: () => void): void;
  /** Runs every scheduled write now (shutdown); those the database still refuses are logged. */
  flush(): void;
  /** Writes waiting for the database. */
  pendingCount(): number;
};

export type BackgroundWriterOptions = { firstDelayMs: number; maxDelayMs: number };

const DEFAULTS = { firstDelayMs: 100, maxDelayMs: 5000 } satisfies BackgroundWriterOptions;

type Entry = { write: () => void; delayMs: number; timer: ReturnType<typeof setTimeout> };

export function createBackgroundWriter(
  log: Logger,
  options: Partial<BackgroundWriterOptions> = {},
): BackgroundWriter {
  const { firstDelayMs, maxDelayMs } = { ...DEFAULTS, ...options };
  const entries = new Map<string, Entry>();

  function arm(key: string, entry: Omit<Entry, "timer">, delayMs: number): void {
    const timer = setTimeout(() => run(key), delayMs);
    // a write waiting for a locked database must not keep a stopping process alive
    timer.unref?.();
    entries.set(key, { ...entry, timer });
  }

  function run(key: string): void {
    const entry = entries.get(key);
    if (!entry) return;
    entries.delete(key);
    try {
      entry.write();
    } catch (error) {
      if (isStorageUnavailable(error)) {
        if (!entries.has(key)) {
          const delayMs = Math.min(maxDelayMs, entry.delayMs * 2);
          arm(key, { write: entry.write, delayMs }, entry.delayMs);
        }
        log.debug("database busy; will write again later", { key, inMs: entry.delayMs });
        return;
      }
      log.error("a background write failed; dropped it", { key, error });
    }
  }

  return {
    schedule(key, write) {
      const existing = entries.get(key);
      if (existing) clearTimeout(existing.timer);
      arm(key, { write, delayMs: firstDelayMs }, 0);
    },
    flush() {
      for (const key of [...entries.keys()]) {
        const entry = entries.get(key);
        if (!entry) continue;
        clearTimeout(entry.timer);
        run(key);
        const retry = entries.get(key);
        if (retry) {
          clearTimeout(retry.timer);
          entries.delete(key);
          log.warn("the database stayed busy; a background write was not saved", { key });
        }
      }
    },
    pendingCount: () => entries.size,
  };
}
