import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { usePermissions } from "../../app/permissions";
import { Link } from "../../app/router";
import { useT } from "../../i18n";
import { RoleBadge } from "../../ui/badges";
import { ErrorState, LoadingState } from "../../ui/states";
import { OrganisationsSection } from "./organisations-section";
import { WorkplansSection } from "./workplans-section";

export function NetworkPage({ networkId }: { networkId: string }) {
  const t = useT("network");
  const network = useResource(() => api.network(networkId), networkId);
  const { role } = usePermissions(networkId);

  if (network.status === "loading") return <LoadingState label={t("loading")} />;
  if (network.status === "error") {
    return (
      <section className="page">
        <ErrorState title={t("couldNotOpen")} error={network.error} onRetry={network.reload} />
      </section>
    );
  }

  const summary = network.data;
  return (
    <section className="page" aria-labelledby="network-title">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t("yourNetworks")}</Link>
          </li>
          <li aria-current="page" dir="auto">
            {summary.name}
          </li>
        </ol>
      </nav>
      <div className="page-header">
        <div>
          <h1 id="network-title" dir="auto">
            {summary.name}
          </h1>
          <p className="muted">
            {[
              summary.country,
              t("organisations", { count: summary.organisationCount }),
              t("members", { count: summary.memberCount }),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </div>
        <div className="page-header-aside">
          {role ? (
            <span className="muted small">
              {t("yourRole")} <RoleBadge role={role} />
            </span>
          ) : null}
          <Link
            to={`/networks/${encodeURIComponent(networkId)}/report`}
            className="button button-secondary"
          >
            {t("report")}
          </Link>
          <Link
            to={`/networks/${encodeURIComponent(networkId)}/exports`}
            className="button button-secondary"
          >
            {t("export")}
          </Link>
          <Link
            to={`/networks/${encodeURIComponent(networkId)}/members`}
            className="button button-secondary"
          >
            {t("membersLink")}
          </Link>
        </div>
      </div>
      {summary.description ? (
        <p className="lede" dir="auto">
          {summary.description}
        </p>
      ) : null}

      <WorkplansSection networkId={networkId} />
      <OrganisationsSection networkId={networkId} onChanged={network.reload} />
    </section>
  );
}
