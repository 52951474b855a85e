import { useCallback, useEffect, useRef, useState } from "react";

export type Resource<T> =
  | { status: "loading"; data: undefined; error: undefined }
  | { status: "error"; data: undefined; error: unknown }
  | { status: "ready"; data: T; error: undefined };

export type ResourceHandle<T> = Resource<T> & {
  reload: () => void;
  /** Replaces the loaded value after a successful change, without a round trip. */
  update: (change: (current: T) => T) => void;
};

/** Loads data for a page; `key` changes (a new id in the URL) load again from scratch. */
export function useResource<T>(load: () => Promise<T>, key: string): ResourceHandle<T> {
  const [state, setState] = useState<Resource<T>>({
    status: "loading",
    data: undefined,
    error: undefined,
  });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const loadedKey = useRef(key);

  // biome-ignore lint/correctness/useExhaustiveDependencies: key and attempt are the triggers
  useEffect(() => {
    let live = true;
    // a reload keeps showing the current data; another key must not show the previous one's
    if (loadedKey.current !== key) {
      loadedKey.current = key;
      setState({ status: "loading", data: undefined, error: undefined });
    } else {
      setState((current) =>
        current.status === "error"
          ? { status: "loading", data: undefined, error: undefined }
          : current,
      );
    }
    loadRef.current().then(
      (data) => {
        if (live) setState({ status: "ready", data, error: undefined });
      },
      (error: unknown) => {
        if (live) setState({ status: "error", data: undefined, error });
      },
    );
    return () => {
      live = false;
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const update = useCallback((change: (current: T) => T) => {
    setState((current) =>
      current.status === "ready"
        ? { status: "ready", data: change(current.data), error: undefined }
        : current,
    );
  }, []);

  // until the effect has started loading a new key, the state still holds the previous key's
  // answer: showing it for one render would mount a page and unmount it again at once
  const current: Resource<T> =
    loadedKey.current === key ? state : { status: "loading", data: undefined, error: undefined };
  return { ...current, reload, update };
}
