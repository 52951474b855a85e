import type { NetworkSummary } from "@junction/domain";
import { useState } from "react";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { Link, navigate } from "../../app/router";
import { useMe } from "../../app/session";
import { useFormat, useT } from "../../i18n";
import { RoleBadge, StageBadge } from "../../ui/badges";
import { EmptyState, ErrorState, LoadingState } from "../../ui/states";
import { NewNetworkDialog } from "./new-network-dialog";

export function HomePage() {
  const me = useMe();
  const t = useT("home");
  const networks = useResource(api.networks, "networks");
  const [creating, setCreating] = useState(false);
  const firstName = me.name.split(/\s+/)[0] ?? me.name;

  return (
    <section className="page" aria-labelledby="home-title">
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("welcome", { name: firstName })}</p>
          <h1 id="home-title">{t("title")}</h1>
        </div>
        {me.isAdmin ? (
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t("newNetwork")}
          </button>
        ) : null}
      </div>

      {networks.status === "loading" ? <LoadingState label={t("loadingNetworks")} /> : null}
      {networks.status === "error" ? (
        <ErrorState error={networks.error} onRetry={networks.reload} />
      ) : null}
      {networks.status === "ready" && networks.data.length === 0 ? (
        <EmptyState title={t("empty.title")}>
          <p className="muted">{me.isAdmin ? t("empty.admin") : t("empty.member")}</p>
        </EmptyState>
      ) : null}
      {networks.status === "ready" && networks.data.length > 0 ? (
        <div className="card-grid">
          {networks.data.map((network) => (
            <NetworkCard key={network.id} network={network} />
          ))}
        </div>
      ) : null}

      <NewNetworkDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(network) => navigate(`/networks/${encodeURIComponent(network.id)}`)}
      />
    </section>
  );
}

function NetworkCard({ network }: { network: NetworkSummary }) {
  const t = useT("home");
  const f = useFormat();
  const workplans = useResource(() => api.workplans(network.id), network.id);
  const href = `/networks/${encodeURIComponent(network.id)}`;
  const active = workplans.data?.filter((w) => !w.archived) ?? [];
  const archivedCount = (workplans.data?.length ?? 0) - active.length;
  const headingId = `network-${network.id}`;

  return (
    <article className="card network-card" aria-labelledby={headingId}>
      <header className="network-card-header">
        <div>
          <h2 id={headingId} className="card-title">
            <Link to={href} dir="auto">
              {network.name}
            </Link>
          </h2>
          <p className="muted small">
            {[
              network.country,
              t("organisations", { count: network.organisationCount }),
              t("members", { count: network.memberCount }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </div>
        {network.role ? <RoleBadge role={network.role} /> : null}
      </header>

      <h3 className="card-subtitle">{t("workplans")}</h3>
      {workplans.status === "loading" ? <LoadingState label={t("loadingWorkplans")} /> : null}
      {workplans.status === "error" ? (
        <ErrorState error={workplans.error} onRetry={workplans.reload} />
      ) : null}
      {workplans.status === "ready" && active.length === 0 ? (
        <p className="muted small">{t("noWorkplans")}</p>
      ) : null}
      {active.length > 0 ? (
        <ul className="workplan-list">
          {active.map((workplan) => (
            <li key={workplan.id} className="workplan-row">
              <div className="workplan-row-main">
                <Link
                  to={`/workplans/${encodeURIComponent(workplan.id)}`}
                  className="workplan-title"
                  dir="auto"
                >
                  {workplan.title}
                </Link>
                <span className="muted small">
                  {t("workplanMeta", {
                    count: workplan.activityCount,
                    updated: f.relative(workplan.updatedAt),
                  })}
                </span>
              </div>
              <StageBadge stage={workplan.stage} />
            </li>
          ))}
        </ul>
      ) : null}
      {archivedCount > 0 ? (
        <p className="muted small">{t("archivedHidden", { count: archivedCount })}</p>
      ) : null}

      <footer className="card-footer">
        <Link to={href} className="button button-secondary button-small">
          {t("openNetwork")}
        </Link>
        <Link to={`${href}/members`} className="button button-ghost button-small">
          {t("membersLink")}
        </Link>
      </footer>
    </article>
  );
}
