import type { ReactNode } from "react";
import { describeError } from "../../api/errors";
import { useT } from "../../i18n";
import { formatNumber } from "../../i18n/format";
import { Notice } from "../../ui/states";
import { formatBytes } from "./download";
import type { DownloadState } from "./use-download";

/** What the download is doing: preparing, how much has arrived, the file it saved, or why not. */
export function DownloadStatus({ state }: { state: DownloadState }) {
  const t = useT("exports");
  const file = (chunks: ReactNode[]) => <strong className="file-name">{chunks}</strong>;
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
    const done = state.file;
    return (
      <div className="download-status" aria-live="polite">
        <div className="notice notice-success">
          {t.rich("status.downloaded", {
            fileName: done.fileName,
            size: formatBytes(done.bytes, t.locale),
            file,
          })}
          {done.iati ? ` ${t("status.iatiPublished", { count: done.iati.exported })}` : null}
          {done.iati && done.iati.skipped > 0
            ? ` ${t("status.iatiLeftOut", { count: done.iati.skipped })}`
            : null}
        </div>
      </div>
    );
  }
  const { progress } = state;
  if (progress.phase === "preparing") {
    return (
      <div className="download-status" aria-live="polite">
        <span className="spinner" aria-hidden="true" /> {t("status.preparing")}
        <progress className="download-progress" aria-label={t("status.preparingLabel")} />
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
        {percent === null
          ? t.rich("status.downloading", {
              fileName: progress.fileName,
              size: formatBytes(progress.received, t.locale),
              file,
            })
          : t.rich("status.downloadingPercent", {
              fileName: progress.fileName,
              percent: formatNumber(percent / 100, t.locale, { style: "percent" }),
              size: formatBytes(progress.total ?? 0, t.locale),
              file,
            })}
      </span>
      <progress
        className="download-progress"
        aria-label={t("status.downloadingLabel", { fileName: progress.fileName })}
        max={100}
        value={percent ?? undefined}
      />
    </div>
  );
}
