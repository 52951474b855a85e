import { useCallback, useEffect, useRef, useState } from "react";
import type { ListPage } from "./client";

export type PagedList<T> = {
  status: "loading" | "error" | "ready";
  items: T[];
  error: unknown;
  /** Whether the server said more remain (a Link rel="next"). */
  hasMore: boolean;
  isLoadingMore: boolean;
  loadMore: () => void;
  /** Loads again from the start, as many items as are shown now (one request up to 500). */
  reload: () => void;
  update: (change: (items: T[]) => T[]) => void;
};

type State<T> = {
  status: PagedList<T>["status"];
  items: T[];
  next: string | null;
  error: unknown;
  isLoadingMore: boolean;
};

const MAX_LIMIT = 500;

/**
 * A collection the server pages (`?limit=`, `Link: rel="next"`): the first page, then more on
 * `loadMore`. `load(limit, next)` asks for the first page (`next` null) or the one at `next`.
 */
export function usePagedList<T>(
  load: (limit: number, next: string | null) => Promise<ListPage<T>>,
  key: string,
  pageSize: number,
): PagedList<T> {
  const [state, setState] = useState<State<T>>({
    status: "loading",
    items: [],
    next: null,
    error: undefined,
    isLoadingMore: false,
  });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const shown = useRef(0);
  shown.current = state.items.length;
  const loadedKey = useRef(key);
  const generation = useRef(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and attempt are the triggers
  useEffect(() => {
    const mine = ++generation.current;
    const fresh = loadedKey.current !== key;
    loadedKey.current = key;
    if (fresh) {
      shown.current = 0;
      setState({
        status: "loading",
        items: [],
        next: null,
        error: undefined,
        isLoadingMore: false,
      });
    }
    const limit = Math.min(MAX_LIMIT, Math.max(pageSize, shown.current));
    loadRef.current(limit, null).then(
      (page) => {
        if (generation.current !== mine) return;
        setState({
          status: "ready",
          items: page.items,
          next: page.next,
          error: undefined,
          isLoadingMore: false,
        });
      },
      (error: unknown) => {
        if (generation.current !== mine) return;
        setState((current) => ({ ...current, status: "error", error, isLoadingMore: false }));
      },
    );
  }, [key, attempt, pageSize]);

  const loadMore = useCallback(() => {
    setState((current) => {
      if (current.next === null || current.isLoadingMore) return current;
      const mine = generation.current;
      loadRef.current(pageSize, current.next).then(
        (page) => {
          if (generation.current !== mine) return;
          setState((latest) => {
            const seen = new Set(latest.items.map((item) => JSON.stringify(item)));
            return {
              ...latest,
              items: [
                ...latest.items,
                ...page.items.filter((item) => !seen.has(JSON.stringify(item))),
              ],
              next: page.next,
              isLoadingMore: false,
            };
          });
        },
        (error: unknown) => {
          if (generation.current !== mine) return;
          setState((latest) => ({ ...latest, isLoadingMore: false, error }));
        },
      );
      return { ...current, isLoadingMore: true };
    });
  }, [pageSize]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback(
    (change: (items: T[]) => T[]) =>
      setState((current) => ({ ...current, items: change(current.items) })),
    [],
  );

  const current = loadedKey.current === key ? state : { ...state, status: "loading" as const };
  return {
    status: current.status,
    items: loadedKey.current === key ? current.items : [],
    error: current.error,
    hasMore: current.next !== null,
    isLoadingMore: current.isLoadingMore,
    loadMore,
    reload,
    update,
  };
}
