import { useCallback, useSyncExternalStore } from "react";

/**
 * Values by key (an activity id) that components read one key at a time: replacing the whole map
 * wakes only the components whose value changed, so a refreshed warning list re-renders the two
 * cards it concerns, not every card of the plan.
 */
export class KeyedStore<T> {
  readonly #values = new Map<string, T>();
  readonly #listeners = new Map<string, Set<() => void>>();
  readonly #same: (a: T, b: T) => boolean;

  constructor(same: (a: T, b: T) => boolean = Object.is) {
    this.#same = same;
  }

  get(key: string): T | undefined {
    return this.#values.get(key);
  }

  set(key: string, value: T | undefined): void {
    const current = this.#values.get(key);
    if (value === undefined) {
      if (!this.#values.has(key)) return;
      this.#values.delete(key);
    } else {
      if (current !== undefined && this.#same(current, value)) return;
      this.#values.set(key, value);
    }
    for (const listener of this.#listeners.get(key) ?? []) listener();
  }

  /** Makes the store hold exactly `next`; only keys whose value changed notify. */
  replaceAll(next: ReadonlyMap<string, T>): void {
    for (const key of [...this.#values.keys()]) if (!next.has(key)) this.set(key, undefined);
    for (const [key, value] of next) this.set(key, value);
  }

  subscribe(key: string, listener: () => void): () => void {
    let listeners = this.#listeners.get(key);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(key, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(key);
    };
  }
}

/** One key's value, re-rendering only when that value changes. */
export function useKeyedValue<T>(store: KeyedStore<T>, key: string, fallback: T): T {
  const subscribe = useCallback(
    (listener: () => void) => store.subscribe(key, listener),
    [store, key],
  );
  return useSyncExternalStore(subscribe, () => store.get(key) ?? fallback);
}

/** Equal when both serialise alike: for small lists of plain data (an activity's warnings). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // lists of the very same items (a patched list regrouped) need no serialising
  if (
    Array.isArray(a) &&
    Array.isArray(b) &&
    a.length === b.length &&
    a.every((x, i) => x === b[i])
  )
    return true;
  return JSON.stringify(a) === JSON.stringify(b);
}
