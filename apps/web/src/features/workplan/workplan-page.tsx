import type { IndexedActivity } from "@junction/domain";
import { useId, useState } from "react";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { useCurrentNetwork } from "../../app/current-network";
import { Link } from "../../app/router";
import { useFormat, useT } from "../../i18n";
import { StageBadge } from "../../ui/badges";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { ActivityCard } from "./activity-card";

/** Read view of a workplan; the collaborative editor replaces this component later. */
export function WorkplanPage({ workplanId }: { workplanId: string }) {
  const t = useT("workplan");
  const f = useFormat();
  const workplan = useResource(() => api.workplan(workplanId), workplanId);
  const networkId = workplan.data?.networkId ?? null;
  useCurrentNetwork(networkId);
  const network = useResource(
    () => (networkId ? api.network(networkId) : Promise.resolve(null)),
    networkId ?? "",
  );

  if (workplan.status === "loading") return <LoadingState label={t("opening")} />;
  if (workplan.status === "error") {
    return (
      <section className="page">
        <ErrorState title={t("openError")} error={workplan.error} onRetry={workplan.reload} />
      </section>
    );
  }

  const view = workplan.data;
  const networkHref = `/networks/${encodeURIComponent(view.networkId)}`;
  return (
    <article className="page" aria-labelledby="workplan-title">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t("yourNetworks")}</Link>
          </li>
          <li>
            <Link to={networkHref} dir="auto">
              {network.data?.name ?? t("network")}
            </Link>
          </li>
          <li aria-current="page" dir="auto">
            {view.title}
          </li>
        </ol>
      </nav>
      <header className="page-header">
        <div>
          <div className="title-row">
            <h1 id="workplan-title" dir="auto">
              {view.title}
            </h1>
            <StageBadge stage={view.stage} />
            {view.archived ? <span className="badge badge-archived">{t("archived")}</span> : null}
          </div>
          <p className="muted">
            {t("read.summary", {
              count: view.activityCount,
              updated: f.relative(view.updatedAt),
            })}
          </p>
        </div>
      </header>
      <ActivityList workplanId={workplanId} />
    </article>
  );
}

function matches(activity: IndexedActivity, query: string): boolean {
  if (!query) return true;
  const haystack = [
    activity.title,
    activity.description,
    activity.lead ?? "",
    ...activity.partners,
    ...activity.locations,
    ...activity.targetGroups,
  ]
    .join(" ")
    .toLowerCase();
  return query
    .toLowerCase()
    .split(/\s+/)
    .every((word) => haystack.includes(word));
}

function ActivityList({ workplanId }: { workplanId: string }) {
  const t = useT("workplan");
  const activities = useResource(() => api.activities(workplanId), workplanId);
  const [query, setQuery] = useState("");
  const searchId = useId();
  const visible = (activities.data ?? []).filter((a) => matches(a, query.trim()));

  return (
    <section className="section" aria-labelledby="activities-title">
      <div className="section-header">
        <h2 id="activities-title">{t("read.activities")}</h2>
        {activities.data && activities.data.length > 0 ? (
          <div className="search">
            <label htmlFor={searchId} className="visually-hidden">
              {t("read.filter")}
            </label>
            <input
              id={searchId}
              className="input"
              type="search"
              placeholder={t("read.filterPlaceholder")}
              dir="auto"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
        ) : null}
      </div>
      {activities.status === "loading" ? <LoadingState label={t("read.loading")} /> : null}
      {activities.status === "error" ? (
        <ErrorState error={activities.error} onRetry={activities.reload} />
      ) : null}
      {activities.status === "ready" && activities.data.length === 0 ? (
        <EmptyState title={t("read.emptyTitle")}>
          <p className="muted">{t("read.emptyText")}</p>
        </EmptyState>
      ) : null}
      {activities.status === "ready" && activities.data.length > 0 && visible.length === 0 ? (
        <p className="muted" role="status">
          {t.rich("read.noMatch", { query: <bdi>{query}</bdi> })}
        </p>
      ) : null}
      {visible.length > 0 ? (
        <ol className="activity-list">
          {visible.map((activity) => (
            <li key={activity.id}>
              <ActivityCard activity={activity} />
            </li>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
