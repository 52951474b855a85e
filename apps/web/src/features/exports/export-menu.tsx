import type { IatiCheck, VersionView } from "@junction/domain";
import { useEffect, useId, useState } from "react";
import { describeError } from "../../api/errors";
import { useFormat, useT } from "../../i18n";
import { Dialog } from "../../ui/dialog";
import { LoadingState, Notice } from "../../ui/states";
import { DownloadStatus } from "./download-status";
import { exportsApi, workplanExportUrl } from "./exports-api";
import { FormatPicker } from "./format-picker";
import { WORKPLAN_FORMATS } from "./formats";
import { IatiCheckView } from "./iati-check-view";
import { useDownload } from "./use-download";
import "./exports.css";

const LIVE = "live";

function useVersions(workplanId: string, open: boolean) {
  const [versions, setVersions] = useState<VersionView[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    exportsApi.versions(workplanId).then(
      (list) => live && setVersions(list),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [workplanId, open]);
  return { versions, error };
}

function useIatiCheck(workplanId: string, versionId: string | null, enabled: boolean) {
  const [check, setCheck] = useState<IatiCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setCheck(null);
    setError(null);
    exportsApi.workplanIatiCheck(workplanId, versionId).then(
      (result) => live && setCheck(result),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [workplanId, versionId, enabled]);
  return { check, error };
}

/** The workplan's Export button: a format, the live text or a saved version, then the file. */
export function ExportMenu({ workplanId, networkId }: { workplanId: string; networkId: string }) {
  const t = useT("exports");
  const tc = useT("common");
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [format, setFormat] = useState("docx");
  const [source, setSource] = useState(LIVE);
  const sourceId = useId();
  const { versions, error: versionsError } = useVersions(workplanId, open);
  const versionId = source === LIVE ? null : source;
  const iati = useIatiCheck(workplanId, versionId, open && format === "iati");
  const download = useDownload();
  const blocked = format === "iati" && iati.check !== null && !iati.check.configured;

  return (
    <>
      <button type="button" className="button button-secondary" onClick={() => setOpen(true)}>
        {t("menu.button")}
      </button>
      <Dialog
        open={open}
        title={t("menu.title")}
        description={t("menu.description")}
        onClose={() => {
          setOpen(false);
          download.reset();
        }}
      >
        <form
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault();
            void download.start(workplanExportUrl(workplanId, format, versionId));
          }}
        >
          <FormatPicker
            formats={WORKPLAN_FORMATS}
            value={format}
            onChange={(value) => {
              setFormat(value);
              download.reset();
            }}
            disabled={download.running}
          />
          <div className="field">
            <label className="field-label" htmlFor={sourceId}>
              {t("menu.content")}
            </label>
            <select
              id={sourceId}
              className="select"
              value={source}
              disabled={download.running}
              onChange={(event) => {
                setSource(event.target.value);
                download.reset();
              }}
            >
              <option value={LIVE}>{t("menu.live")}</option>
              {(versions ?? []).map((version) => (
                <option key={version.id} value={version.id}>
                  {t("menu.version", { name: version.name, date: f.dateTime(version.createdAt) })}
                </option>
              ))}
            </select>
            {versionsError ? (
              <p className="field-hint">
                {t("menu.versionsFailed", { error: describeError(versionsError) })}
              </p>
            ) : null}
          </div>
          {format === "iati" ? (
            iati.error ? (
              <Notice tone="error">{describeError(iati.error)}</Notice>
            ) : iati.check ? (
              <IatiCheckView check={iati.check} networkId={networkId} />
            ) : (
              <LoadingState label={t("iati.checking")} />
            )
          ) : null}
          <DownloadStatus state={download.state} />
          <div className="dialog-actions">
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                setOpen(false);
                download.reset();
              }}
            >
              {tc("close")}
            </button>
            <button
              type="submit"
              className="button button-primary"
              disabled={download.running || blocked}
            >
              {download.running ? t("exporting") : t("download")}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
