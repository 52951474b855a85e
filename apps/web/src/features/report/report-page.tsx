import { ACTIVITY_STATUSES, type GcmReportView } from "@junction/domain";
import { useResource } from "../../api/use-resource";
import { useCurrentNetwork } from "../../app/current-network";
import { Link } from "../../app/router";
import { type Formatters, type Translate, useFormat, useT } from "../../i18n";
import { StatusBadge } from "../../ui/badges";
import { ErrorState, LoadingState } from "../../ui/states";
import { DownloadStatus } from "../exports/download-status";
import { exportsApi, reportDocxUrl } from "../exports/exports-api";
import { useDownload } from "../exports/use-download";
import "../exports/exports.css";

type Objective = GcmReportView["objectives"][number];

function activityHref(workplanId: string, activityId: string): string {
  return `/workplans/${encodeURIComponent(workplanId)}#activity-${encodeURIComponent(activityId)}`;
}

function budgetText(t: Translate<"report">, f: Formatters, objective: Objective): string {
  if (objective.budget.length === 0) return "—";
  return objective.budget
    .map((b) =>
      t("budget.securedOf", {
        secured: f.money(b.secured, b.currency),
        required: f.money(b.required, b.currency),
      }),
    )
    .join("; ");
}

function Summary({ report }: { report: GcmReportView }) {
  const t = useT("report");
  const f = useFormat();
  return (
    <div className="table-wrap">
      <table className="table report-summary">
        <caption className="visually-hidden">{t("summary.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("summary.objective")}</th>
            {ACTIVITY_STATUSES.map((status) => (
              <th key={status} scope="col" className="numeric">
                {t(`status.${status}`)}
              </th>
            ))}
            <th scope="col">{t("summary.budget")}</th>
          </tr>
        </thead>
        <tbody>
          {report.objectives.map((objective) => (
            <tr key={objective.objective}>
              <th scope="row">
                {objective.activityCount > 0 ? (
                  <a href={`#objective-${objective.objective}`}>
                    {objective.objective}. {objective.title}
                  </a>
                ) : (
                  <span className="muted">
                    {objective.objective}. {objective.title}
                  </span>
                )}
              </th>
              {ACTIVITY_STATUSES.map((status) => (
                <td key={status} className="numeric">
                  {objective.activities[status].length || ""}
                </td>
              ))}
              <td>{budgetText(t, f, objective)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ObjectiveSection({ objective }: { objective: Objective }) {
  const t = useT("report");
  const f = useFormat();
  const titleId = `objective-${objective.objective}`;
  return (
    <section className="section card report-objective" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        {t("objective.title", { number: objective.objective, title: objective.title })}
      </h2>
      <div className="report-columns">
        <div>
          <h3 className="subsection-title">{t("objective.byStatus")}</h3>
          {ACTIVITY_STATUSES.filter((status) => objective.activities[status].length > 0).map(
            (status) => (
              <div key={status} className="report-status">
                <StatusBadge status={status} />
                <ul>
                  {objective.activities[status].map((activity) => (
                    <li key={`${activity.workplanId}:${activity.id}`}>
                      <Link to={activityHref(activity.workplanId, activity.id)} dir="auto">
                        {activity.title || activity.id}
                      </Link>
                      {activity.lead ? (
                        <span className="muted small"> · {activity.lead.name}</span>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            ),
          )}
        </div>
        <div>
          <h3 className="subsection-title">{t("objective.budget")}</h3>
          {objective.budget.length === 0 ? (
            <p className="muted">{t("objective.noAmounts")}</p>
          ) : (
            <ul className="report-budget">
              {objective.budget.map((budget) => (
                <li key={budget.currency}>
                  {t.rich("objective.budgetLine", {
                    secured: f.money(budget.secured, budget.currency),
                    required: f.money(budget.required, budget.currency),
                    strong: (chunks) => <strong>{chunks}</strong>,
                  })}
                  {budget.gap > 0
                    ? t("objective.budgetGap", { gap: f.money(budget.gap, budget.currency) })
                    : ""}
                </li>
              ))}
            </ul>
          )}
          {objective.activitiesWithoutAmount > 0 ? (
            <p className="muted small">
              {t("objective.withoutAmount", { count: objective.activitiesWithoutAmount })}
            </p>
          ) : null}
          <h3 className="subsection-title">{t("objective.organisations")}</h3>
          <p>
            <span className="muted">{t("objective.lead")}</span>
            {f.list(objective.leads.map((o) => o.name)) || "—"}
          </p>
          <p>
            <span className="muted">{t("objective.partners")}</span>
            {f.list(objective.partners.map((o) => o.name)) || "—"}
          </p>
        </div>
      </div>
      {objective.indicators.length > 0 ? (
        <div className="table-wrap">
          <table className="table report-indicators">
            <caption className="subsection-title report-caption">{t("indicators.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("indicators.name")}</th>
                <th scope="col">{t("indicators.baseline")}</th>
                <th scope="col">{t("indicators.target")}</th>
                <th scope="col">{t("indicators.means")}</th>
              </tr>
            </thead>
            <tbody>
              {objective.indicators.map((indicator, index) => (
                // indicators carry no id; their order is the document's
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                <tr key={`${indicator.activityId}:${index}`}>
                  <td dir="auto">{indicator.name}</td>
                  <td dir="auto">{indicator.baseline}</td>
                  <td dir="auto">{indicator.target}</td>
                  <td dir="auto">{indicator.meansOfVerification}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

/** `/networks/:networkId/report`: the GCM review report, per objective, and its Word file. */
export function ReportPage({ networkId }: { networkId: string }) {
  useCurrentNetwork(networkId);
  const t = useT("report");
  const f = useFormat();
  const report = useResource(() => exportsApi.report(networkId), networkId);
  const download = useDownload();

  return (
    <section className="page" aria-labelledby="report-title">
      <div className="page-header">
        <div>
          <h1 id="report-title">{t("page.title")}</h1>
          <p className="muted">{t("page.intro")}</p>
        </div>
        <div className="page-header-aside">
          <button
            type="button"
            className="button button-primary"
            disabled={download.running}
            onClick={() => void download.start(reportDocxUrl(networkId))}
          >
            {download.running ? t("exporting") : t("page.download")}
          </button>
        </div>
      </div>
      <DownloadStatus state={download.state} />
      {report.status === "loading" ? <LoadingState label={t("page.loading")} /> : null}
      {report.status === "error" ? (
        <ErrorState title={t("page.couldNotLoad")} error={report.error} onRetry={report.reload} />
      ) : null}
      {report.status === "ready" ? (
        <>
          <p className="muted small">
            {t("page.from", {
              workplans: f.list(report.data.workplans.map((w) => w.title)) || t("page.noWorkplan"),
              date: f.dateTime(report.data.generatedAt),
            })}
          </p>
          <Summary report={report.data} />
          {report.data.objectives
            .filter((objective) => objective.activityCount > 0)
            .map((objective) => (
              <ObjectiveSection key={objective.objective} objective={objective} />
            ))}
          {report.data.untagged.length > 0 ? (
            <section className="section card" aria-labelledby="untagged-title">
              <h2 id="untagged-title">{t("untagged.title")}</h2>
              <ul>
                {report.data.untagged.map((activity) => (
                  <li key={`${activity.workplanId}:${activity.id}`}>
                    <Link to={activityHref(activity.workplanId, activity.id)} dir="auto">
                      {activity.title || activity.id}
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
