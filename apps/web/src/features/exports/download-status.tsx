import { describeError } from "../../api/errors";
import { Notice } from "../../ui/states";
import { formatBytes } from "./download";
import type { DownloadState } from "./use-download";

/** What the download is doing: preparing, how much has arrived, the file it saved, or why not. */
export function DownloadStatus({ state }: { state: DownloadState }) {
  // one polite live region, present before anything changes, so each step is announced
  if (state.kind === "idle") return <div className="download-status" aria-live="polite" />;
  if (state.kind === "failed") {
    return (
      <div className="download-status" aria-live="polite">
        <Notice tone="error">{describeError(state.error)}</Notice>
      </div>
    );
  }
  if (state.kind === "done") {
    const { file } = state;
    return (
      <div className="download-status" aria-live="polite">
        <div className="notice notice-success">
          Downloaded <strong className="file-name">{file.fileName}</strong> (
          {formatBytes(file.bytes)}).
          {file.iati
            ? ` ${file.iati.exported} ${file.iati.exported === 1 ? "activity" : "activities"} published${
                file.iati.skipped > 0
                  ? `, ${file.iati.skipped} left out (listed in the file and below)`
                  : ""
              }.`
            : null}
        </div>
      </div>
    );
  }
  const { progress } = state;
  if (progress.phase === "preparing") {
    return (
      <div className="download-status" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> Preparing the file on the server…
        <progress className="download-progress" aria-label="Preparing the file" />
      </div>
    );
  }
  const percent =
    progress.total && progress.total > 0
      ? Math.min(100, Math.round((progress.received / progress.total) * 100))
      : null;
  return (
    <div className="download-status" aria-live="polite">
      <span>
        Downloading <strong className="file-name">{progress.fileName}</strong>
        {percent === null
          ? ` (${formatBytes(progress.received)})`
          : ` — ${percent} % of ${formatBytes(progress.total ?? 0)}`}
      </span>
      <progress
        className="download-progress"
        aria-label={`Downloading ${progress.fileName}`}
        max={100}
        value={percent ?? undefined}
      />
    </div>
  );
}
