import { useCallback, useEffect, useRef, useState } from "react";
import { type DownloadedFile, type DownloadProgress, downloadExport } from "./download";

export type DownloadState =
  | { kind: "idle" }
  | { kind: "running"; progress: DownloadProgress }
  | { kind: "done"; file: DownloadedFile }
  | { kind: "failed"; error: unknown };

/** One export download at a time, with its progress; leaving the page cancels it. */
export function useDownload() {
  const [state, setState] = useState<DownloadState>({ kind: "idle" });
  const controller = useRef<AbortController | null>(null);

  useEffect(() => () => controller.current?.abort(), []);

  const start = useCallback(async (url: string) => {
    controller.current?.abort();
    const current = new AbortController();
    controller.current = current;
    try {
      const file = await downloadExport(
        url,
        (progress) => {
          if (!current.signal.aborted) setState({ kind: "running", progress });
        },
        current.signal,
      );
      if (!current.signal.aborted) setState({ kind: "done", file });
    } catch (error) {
      if (!current.signal.aborted) setState({ kind: "failed", error });
    }
  }, []);

  const reset = useCallback(() => setState({ kind: "idle" }), []);
  return { state, start, reset, running: state.kind === "running" };
}
