import type { IatiCheck } from "@junction/domain";
import { useEffect, useState } from "react";
import { describeError } from "../../api/errors";
import { useCurrentNetwork } from "../../app/current-network";
import { Link } from "../../app/router";
import { useT } from "../../i18n";
import { LoadingState, Notice } from "../../ui/states";
import { DownloadStatus } from "./download-status";
import { exportsApi, networkExportUrl } from "./exports-api";
import { FormatPicker } from "./format-picker";
import { NETWORK_FORMATS } from "./formats";
import { IatiCheckView } from "./iati-check-view";
import { IatiSettingsSection } from "./iati-settings-section";
import { useDownload } from "./use-download";
import "./exports.css";

function useNetworkIatiCheck(networkId: string, enabled: boolean, attempt: number) {
  const [check, setCheck] = useState<IatiCheck | null>(null);
  const [error, setError] = useState<unknown>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: attempt asks for a fresh check
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    setCheck(null);
    setError(null);
    exportsApi.networkIatiCheck(networkId).then(
      (result) => live && setCheck(result),
      (failure: unknown) => live && setError(failure),
    );
    return () => {
      live = false;
    };
  }, [networkId, enabled, attempt]);
  return { check, error };
}

/** `/networks/:networkId/exports`: the whole network as a file, and its IATI settings. */
export function NetworkExportsPage({ networkId }: { networkId: string }) {
  useCurrentNetwork(networkId);
  const t = useT("exports");
  const [format, setFormat] = useState("xlsx");
  const download = useDownload();
  const [checks, setChecks] = useState(0);
  const iati = useNetworkIatiCheck(networkId, format === "iati", checks);
  const blocked = format === "iati" && iati.check !== null && !iati.check.configured;
  const base = `/networks/${encodeURIComponent(networkId)}`;

  return (
    <section className="page page-medium" aria-labelledby="exports-title">
      <div className="page-header">
        <div>
          <h1 id="exports-title">{t("page.title")}</h1>
          <p className="muted">
            {t.rich("page.intro", {
              coverage: (chunks) => <Link to={`${base}/coverage`}>{chunks}</Link>,
              report: (chunks) => <Link to={`${base}/report`}>{chunks}</Link>,
            })}
          </p>
        </div>
      </div>

      <section className="section card" aria-labelledby="network-export-title">
        <h2 id="network-export-title">{t("page.network")}</h2>
        <form
          className="export-form"
          onSubmit={(event) => {
            event.preventDefault();
            void download.start(networkExportUrl(networkId, format));
          }}
        >
          <FormatPicker
            formats={NETWORK_FORMATS}
            value={format}
            onChange={(value) => {
              setFormat(value);
              download.reset();
            }}
            disabled={download.running}
          />
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
          <div className="row-end">
            <button
              type="submit"
              className="button button-primary"
              disabled={download.running || blocked}
            >
              {download.running ? t("exporting") : t("download")}
            </button>
          </div>
        </form>
      </section>

      <IatiSettingsSection networkId={networkId} onSaved={() => setChecks((n) => n + 1)} />
    </section>
  );
}
