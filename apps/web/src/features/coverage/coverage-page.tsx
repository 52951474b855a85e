import { ACTIVITY_STATUSES, type CoverageView } from "@junction/domain";
import { Fragment, type ReactNode, useMemo } from "react";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { useCurrentNetwork } from "../../app/current-network";
import { Link, navigate, useLocation } from "../../app/router";
import { useFormat, useT } from "../../i18n";
import { FilterSelect } from "../../ui/filter-select";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { exportsApi } from "../exports/exports-api";
import "../exports/exports.css";

type Filters = { workplan: string; place: string; status: string };

function readFilters(search: string): Filters {
  const params = new URLSearchParams(search);
  return {
    workplan: params.get("workplan") ?? "",
    place: params.get("place") ?? "",
    status: params.get("status") ?? "",
  };
}

function strong(chunks: ReactNode[]) {
  return <strong>{chunks}</strong>;
}

function activityHref(workplanId: string, activityId: string): string {
  return `/workplans/${encodeURIComponent(workplanId)}#activity-${encodeURIComponent(activityId)}`;
}

/** Organisations with at least one activity, in the network's order: the matrix's columns. */
function columnsOf(coverage: CoverageView) {
  const working = new Set(
    coverage.objectives.flatMap((objective) => objective.organisations.map((c) => c.organisation)),
  );
  return coverage.organisations.filter((organisation) => working.has(organisation.id));
}

function Matrix({ coverage }: { coverage: CoverageView }) {
  const t = useT("coverage");
  const columns = columnsOf(coverage);
  const activities = useMemo(
    () => new Map(coverage.activities.map((activity) => [activity.id, activity])),
    [coverage.activities],
  );
  const idle = coverage.organisations.length - columns.length;
  if (columns.length === 0) {
    return (
      <EmptyState title={t("matrix.empty")}>
        <p className="muted">{t("matrix.emptyBody")}</p>
      </EmptyState>
    );
  }
  return (
    <>
      <div className="table-wrap coverage-wrap">
        <table className="table coverage-table">
          <caption className="visually-hidden">{t("matrix.caption")}</caption>
          <thead>
            <tr>
              <th scope="col" className="coverage-objective-head">
                {t("matrix.objective")}
              </th>
              {columns.map((organisation) => (
                <th key={organisation.id} scope="col" title={organisation.name}>
                  {organisation.acronym || organisation.name}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {coverage.objectives.map((objective) => {
              const cells = new Map(
                objective.organisations.map((cell) => [cell.organisation, cell]),
              );
              return (
                <tr
                  key={objective.objective}
                  className={objective.gap ? "coverage-gap" : undefined}
                >
                  <th scope="row" className="coverage-objective">
                    <span className="coverage-number">{objective.objective}</span> {objective.title}
                    {objective.gap ? (
                      <span className="badge badge-gap">{t("matrix.gap")}</span>
                    ) : null}
                  </th>
                  {columns.map((organisation) => {
                    const cell = cells.get(organisation.id);
                    if (!cell) return <td key={organisation.id} className="coverage-empty" />;
                    return (
                      <td
                        key={organisation.id}
                        className={
                          cell.crowded ? "coverage-cell coverage-crowded" : "coverage-cell"
                        }
                      >
                        {cell.crowded ? (
                          <span className="badge badge-crowded">{t("matrix.crowded")}</span>
                        ) : null}
                        <ul className="coverage-activities">
                          {cell.activities.map((activityId) => {
                            const activity = activities.get(activityId);
                            const leads = cell.leads.includes(activityId);
                            return (
                              <li key={activityId}>
                                <Link
                                  to={activityHref(activity?.workplanId ?? "", activityId)}
                                  title={activity?.title}
                                  dir="auto"
                                >
                                  {activity?.title || activityId}
                                </Link>
                                {leads ? (
                                  <span className="coverage-lead">{t("matrix.lead")}</span>
                                ) : null}
                              </li>
                            );
                          })}
                        </ul>
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {idle > 0 ? <p className="muted small">{t("matrix.idle", { count: idle })}</p> : null}
    </>
  );
}

function Crowding({ coverage }: { coverage: CoverageView }) {
  const t = useT("coverage");
  const f = useFormat();
  const names = new Map(coverage.organisations.map((o) => [o.id, o.acronym || o.name]));
  const activities = new Map(coverage.activities.map((a) => [a.id, a]));
  if (coverage.crowding.length === 0) {
    return <p className="muted">{t("crowding.none")}</p>;
  }
  return (
    <ul className="list crowding-list">
      {coverage.crowding.map((crowd) => (
        <li key={`${crowd.objective}:${crowd.place}:${crowd.start}`} className="list-row">
          <div className="list-row-main">
            <p className="list-row-title">
              {t("crowding.row", {
                objective: crowd.objective,
                place: crowd.place,
                start: f.month(crowd.start),
                end: f.month(crowd.end),
              })}
            </p>
            <p className="muted small">
              {crowd.organisations.map((id) => names.get(id) ?? id).join(", ")}:{" "}
              {crowd.activities.map((id, index) => (
                <Fragment key={id}>
                  {index > 0 ? "; " : null}
                  <Link to={activityHref(activities.get(id)?.workplanId ?? "", id)} dir="auto">
                    {activities.get(id)?.title || id}
                  </Link>
                </Fragment>
              ))}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}

/** `/networks/:networkId/coverage`: the 23 GCM objectives by organisation, gaps and crowding. */
export function CoveragePage({ networkId }: { networkId: string }) {
  useCurrentNetwork(networkId);
  const t = useT("coverage");
  const { search } = useLocation();
  const filters = readFilters(search);
  const workplans = useResource(() => api.workplans(networkId), `workplans:${networkId}`);
  const coverage = useResource(
    () => exportsApi.coverage(networkId, filters),
    `${networkId}?${filters.workplan}&${filters.place}&${filters.status}`,
  );
  const setFilter = (name: keyof Filters) => (value: string) => {
    const next = { ...filters, [name]: value };
    const params = new URLSearchParams(Object.entries(next).filter(([, v]) => v !== ""));
    const text = params.toString();
    navigate(`/networks/${encodeURIComponent(networkId)}/coverage${text ? `?${text}` : ""}`, {
      replace: true,
    });
  };
  const places = coverage.data?.places ?? [];

  return (
    <section className="page" aria-labelledby="coverage-title">
      <div className="page-header">
        <div>
          <h1 id="coverage-title">{t("page.title")}</h1>
          <p className="muted">{t("page.intro")}</p>
        </div>
        <div className="page-header-aside">
          <Link
            to={`/networks/${encodeURIComponent(networkId)}/report`}
            className="button button-secondary"
          >
            {t("page.report")}
          </Link>
          <Link
            to={`/networks/${encodeURIComponent(networkId)}/exports`}
            className="button button-secondary"
          >
            {t("page.export")}
          </Link>
        </div>
      </div>
      <fieldset className="warning-filters">
        <legend className="visually-hidden">{t("filters.legend")}</legend>
        <FilterSelect
          label={t("filters.workplan")}
          value={filters.workplan}
          onChange={setFilter("workplan")}
          options={[
            { value: "", label: t("filters.allWorkplans") },
            ...(workplans.data ?? [])
              .filter((w) => !w.archived || w.id === filters.workplan)
              .map((w) => ({ value: w.id, label: w.title })),
          ]}
        />
        <FilterSelect
          label={t("filters.place")}
          value={filters.place}
          onChange={setFilter("place")}
          options={[
            { value: "", label: t("filters.allPlaces") },
            ...places.map((place) => ({ value: place, label: place })),
            ...(filters.place && !places.includes(filters.place)
              ? [{ value: filters.place, label: filters.place }]
              : []),
          ]}
        />
        <FilterSelect
          label={t("filters.status")}
          value={filters.status}
          onChange={setFilter("status")}
          options={[
            { value: "", label: t("filters.anyStatus") },
            ...ACTIVITY_STATUSES.map((status) => ({
              value: status,
              label: t(`status.${status}`),
            })),
          ]}
        />
      </fieldset>
      {coverage.status === "loading" ? <LoadingState label={t("page.loading")} /> : null}
      {coverage.status === "error" ? (
        <ErrorState
          title={t("page.couldNotLoad")}
          error={coverage.error}
          onRetry={coverage.reload}
        />
      ) : null}
      {coverage.status === "ready" ? (
        <>
          <p className="coverage-summary" role="status">
            {t.rich("summary.covered", { covered: 23 - coverage.data.gaps.length, strong })};{" "}
            {t.rich("summary.gaps", { count: coverage.data.gaps.length, strong })};{" "}
            {t.rich("summary.crowded", { count: coverage.data.crowding.length, strong })}.
          </p>
          <Matrix coverage={coverage.data} />
          <section className="section" aria-labelledby="crowding-title">
            <h2 id="crowding-title">{t("crowding.title")}</h2>
            <Crowding coverage={coverage.data} />
          </section>
        </>
      ) : null}
    </section>
  );
}
