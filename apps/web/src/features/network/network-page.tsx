import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { usePermissions } from "../../app/permissions";
import { Link } from "../../app/router";
import { formatCount } from "../../lib/format";
import { RoleBadge } from "../../ui/badges";
import { ErrorState, LoadingState } from "../../ui/states";
import { OrganisationsSection } from "./organisations-section";
import { WorkplansSection } from "./workplans-section";

export function NetworkPage({ networkId }: { networkId: string }) {
  const network = useResource(() => api.network(networkId), networkId);
  const { role } = usePermissions(networkId);

  if (network.status === "loading") return <LoadingState label="Loading the network…" />;
  if (network.status === "error") {
    return (
      <section className="page">
        <ErrorState
          title="Could not open this network"
          error={network.error}
          onRetry={network.reload}
        />
      </section>
    );
  }

  const summary = network.data;
  return (
    <section className="page" aria-labelledby="network-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/">Your networks</Link>
          </li>
          <li aria-current="page">{summary.name}</li>
        </ol>
      </nav>
      <div className="page-header">
        <div>
          <h1 id="network-title">{summary.name}</h1>
          <p className="muted">
            {[
              summary.country,
              formatCount(summary.organisationCount, "organisation"),
              formatCount(summary.memberCount, "member"),
            ]
              .filter(Boolean)
              .join(" · ")}
          </p>
        </div>
        <div className="page-header-aside">
          {role ? (
            <span className="muted small">
              Your role <RoleBadge role={role} />
            </span>
          ) : null}
          <Link
            to={`/networks/${encodeURIComponent(networkId)}/report`}
            className="button button-secondary"
          >
            GCM report
          </Link>
          <Link
            to={`/networks/${encodeURIComponent(networkId)}/exports`}
            className="button button-secondary"
          >
            Export
          </Link>
          <Link
            to={`/networks/${encodeURIComponent(networkId)}/members`}
            className="button button-secondary"
          >
            Members
          </Link>
        </div>
      </div>
      {summary.description ? <p className="lede">{summary.description}</p> : null}

      <WorkplansSection networkId={networkId} />
      <OrganisationsSection networkId={networkId} onChanged={network.reload} />
    </section>
  );
}
