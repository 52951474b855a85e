import { ACTIVITY_STATUSES, type GcmReportView } from "@junction/domain";
import { useResource } from "../../api/use-resource";
import { useCurrentNetwork } from "../../app/current-network";
import { Link } from "../../app/router";
import { formatDateTime } from "../../lib/format";
import { StatusBadge } from "../../ui/badges";
import { ErrorState, LoadingState } from "../../ui/states";
import { DownloadStatus } from "../exports/download-status";
import { exportsApi, reportDocxUrl } from "../exports/exports-api";
import { useDownload } from "../exports/use-download";
import "../exports/exports.css";

type Objective = GcmReportView["objectives"][number];

function money(amount: number, currency: string): string {
  return `${amount.toLocaleString("en", { maximumFractionDigits: 2 })} ${currency}`;
}

function activityHref(workplanId: string, activityId: string): string {
  return `/workplans/${encodeURIComponent(workplanId)}#activity-${encodeURIComponent(activityId)}`;
}

function budgetText(objective: Objective): string {
  if (objective.budget.length === 0) return "—";
  return objective.budget
    .map((b) => `${money(b.secured, b.currency)} of ${money(b.required, b.currency)}`)
    .join("; ");
}

function Summary({ report }: { report: GcmReportView }) {
  return (
    <div className="table-wrap">
      <table className="table report-summary">
        <caption className="visually-hidden">Activities and budget per GCM objective</caption>
        <thead>
          <tr>
            <th scope="col">Objective</th>
            {ACTIVITY_STATUSES.map((status) => (
              <th key={status} scope="col" className="numeric">
                {status}
              </th>
            ))}
            <th scope="col">Budget secured of required</th>
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
              <td>{budgetText(objective)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ObjectiveSection({ objective }: { objective: Objective }) {
  const titleId = `objective-${objective.objective}`;
  return (
    <section className="section card report-objective" aria-labelledby={titleId}>
      <h2 id={titleId} tabIndex={-1}>
        Objective {objective.objective}: {objective.title}
      </h2>
      <div className="report-columns">
        <div>
          <h3 className="subsection-title">Activities by status</h3>
          {ACTIVITY_STATUSES.filter((status) => objective.activities[status].length > 0).map(
            (status) => (
              <div key={status} className="report-status">
                <StatusBadge status={status} />
                <ul>
                  {objective.activities[status].map((activity) => (
                    <li key={`${activity.workplanId}:${activity.id}`}>
                      <Link to={activityHref(activity.workplanId, activity.id)}>
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
          <h3 className="subsection-title">Budget</h3>
          {objective.budget.length === 0 ? (
            <p className="muted">No amounts recorded.</p>
          ) : (
            <ul className="report-budget">
              {objective.budget.map((budget) => (
                <li key={budget.currency}>
                  <strong>{money(budget.secured, budget.currency)}</strong> secured of{" "}
                  {money(budget.required, budget.currency)} required
                  {budget.gap > 0 ? ` (gap ${money(budget.gap, budget.currency)})` : ""}
                </li>
              ))}
            </ul>
          )}
          {objective.activitiesWithoutAmount > 0 ? (
            <p className="muted small">
              {objective.activitiesWithoutAmount} with a budget but no amount.
            </p>
          ) : null}
          <h3 className="subsection-title">Organisations</h3>
          <p>
            <span className="muted">Lead: </span>
            {objective.leads.map((o) => o.name).join(", ") || "—"}
          </p>
          <p>
            <span className="muted">Partners: </span>
            {objective.partners.map((o) => o.name).join(", ") || "—"}
          </p>
        </div>
      </div>
      {objective.indicators.length > 0 ? (
        <div className="table-wrap">
          <table className="table report-indicators">
            <caption className="subsection-title report-caption">Indicators</caption>
            <thead>
              <tr>
                <th scope="col">Indicator</th>
                <th scope="col">Baseline</th>
                <th scope="col">Target</th>
                <th scope="col">Means of verification</th>
              </tr>
            </thead>
            <tbody>
              {objective.indicators.map((indicator, index) => (
                // indicators carry no id; their order is the document's
                // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
                <tr key={`${indicator.activityId}:${index}`}>
                  <td>{indicator.name}</td>
                  <td>{indicator.baseline}</td>
                  <td>{indicator.target}</td>
                  <td>{indicator.meansOfVerification}</td>
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
  const report = useResource(() => exportsApi.report(networkId), networkId);
  const download = useDownload();

  return (
    <section className="page" aria-labelledby="report-title">
      <div className="page-header">
        <div>
          <h1 id="report-title">GCM review report</h1>
          <p className="muted">
            Progress by objective of the Global Compact for Migration, for the national voluntary
            review: activities by status, indicators, budget secured against required, and who leads
            and partners.
          </p>
        </div>
        <div className="page-header-aside">
          <button
            type="button"
            className="button button-primary"
            disabled={download.running}
            onClick={() => void download.start(reportDocxUrl(networkId))}
          >
            {download.running ? "Exporting…" : "Download as Word"}
          </button>
        </div>
      </div>
      <DownloadStatus state={download.state} />
      {report.status === "loading" ? <LoadingState label="Loading the report…" /> : null}
      {report.status === "error" ? (
        <ErrorState
          title="Could not load the report"
          error={report.error}
          onRetry={report.reload}
        />
      ) : null}
      {report.status === "ready" ? (
        <>
          <p className="muted small">
            From {report.data.workplans.map((w) => w.title).join(", ") || "no workplan"} · generated{" "}
            {formatDateTime(report.data.generatedAt)}. An activity tagged with several objectives
            counts under each; amounts in different currencies are never added up.
          </p>
          <Summary report={report.data} />
          {report.data.objectives
            .filter((objective) => objective.activityCount > 0)
            .map((objective) => (
              <ObjectiveSection key={objective.objective} objective={objective} />
            ))}
          {report.data.untagged.length > 0 ? (
            <section className="section card" aria-labelledby="untagged-title">
              <h2 id="untagged-title">Activities with no GCM objective</h2>
              <ul>
                {report.data.untagged.map((activity) => (
                  <li key={`${activity.workplanId}:${activity.id}`}>
                    <Link to={activityHref(activity.workplanId, activity.id)}>
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
