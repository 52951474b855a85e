import type { Me } from "@junction/domain";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { api } from "../api/client";
import { useResource } from "../api/use-resource";
import { useMyWork } from "../features/my-work";
import { NotificationBell } from "../features/notifications";
import { countUnfinished } from "../features/tasks";
import { useOpenWarningCount } from "../features/warnings/use-warnings";
import { CurrentNetworkContext, readRememberedNetwork, rememberNetwork } from "./current-network";
import { Link, navigate, useLocation } from "./router";
import { UserMenu } from "./user-menu";

type NetworkOption = { id: string; name: string };

function networkOptions(me: Me, fetched: readonly NetworkOption[] | undefined): NetworkOption[] {
  const options = me.memberships.map((m) => ({ id: m.networkId, name: m.networkName }));
  for (const network of fetched ?? []) {
    if (!options.some((o) => o.id === network.id)) options.push(network);
  }
  return options;
}

export function AppShell({
  me,
  routeNetworkId,
  children,
}: {
  me: Me;
  routeNetworkId: string | null;
  children: ReactNode;
}) {
  const { pathname } = useLocation();
  const networks = useResource(api.networks, `networks:${me.id}`);
  const options = networkOptions(me, networks.data);
  const [chosen, setChosen] = useState<string | null>(readRememberedNetwork);
  const known = (id: string | null) => (id && options.some((o) => o.id === id) ? id : null);
  const networkId = routeNetworkId ?? known(chosen) ?? options[0]?.id ?? null;

  const setNetworkId = useCallback((id: string) => {
    setChosen(id);
    rememberNetwork(id);
  }, []);
  const context = useMemo(() => ({ networkId, setNetworkId }), [networkId, setNetworkId]);

  const openWarnings = useOpenWarningCount(networkId);
  const myWork = useMyWork(me.id);
  const myOpenTasks = myWork.data ? countUnfinished(myWork.data.tasks) : null;
  // "My account" lives in the user menu: the header has room for one row of links only
  const nav = [
    { label: "Workplans", to: networkId ? `/networks/${networkId}` : "/" },
    { label: "Tasks", to: networkId ? `/networks/${networkId}/tasks` : "/" },
    { label: "Warnings", to: networkId ? `/networks/${networkId}/warnings` : "/" },
    { label: "Coverage", to: networkId ? `/networks/${networkId}/coverage` : "/" },
    { label: "Members", to: networkId ? `/networks/${networkId}/members` : "/" },
    { label: "My work", to: "/my-work" },
  ];
  const counts: Record<string, { count: number | null; what: string }> = {
    Warnings: { count: openWarnings, what: "open" },
    "My work": { count: myOpenTasks, what: "open tasks" },
  };
  const currentName = options.find((o) => o.id === networkId)?.name;

  return (
    <CurrentNetworkContext.Provider value={context}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand" aria-label="Junction home">
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
              <rect width="32" height="32" rx="7" />
              <path d="M6 16h8M18 16h8" />
              <circle cx="16" cy="16" r="3" />
            </svg>
            <span className="brand-name">Junction</span>
          </Link>
          {options.length > 1 ? (
            <label className="network-switcher">
              <span className="visually-hidden">Current network</span>
              <select
                className="select select-compact"
                value={networkId ?? ""}
                onChange={(event) => {
                  setNetworkId(event.target.value);
                  navigate(`/networks/${encodeURIComponent(event.target.value)}`);
                }}
              >
                {options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.name}
                  </option>
                ))}
              </select>
            </label>
          ) : currentName && networkId ? (
            <Link to={`/networks/${networkId}`} className="network-name" title={currentName}>
              {currentName}
            </Link>
          ) : null}
          <nav className="app-nav" aria-label="Main">
            {nav.map((item) => (
              <Link
                key={item.label}
                to={item.to}
                className="app-nav-link"
                aria-current={isActive(pathname, item.label) ? "page" : undefined}
              >
                {item.label}
                {counts[item.label]?.count ? (
                  <span className="nav-count">
                    {counts[item.label]?.count}
                    <span className="visually-hidden"> {counts[item.label]?.what}</span>
                  </span>
                ) : null}
              </Link>
            ))}
          </nav>
          <NotificationBell key={me.id} />
          <UserMenu me={me} networkId={networkId} />
        </div>
      </header>
      <main id="main" className="app-main" tabIndex={-1}>
        {children}
      </main>
      <footer className="app-footer">
        <p>Junction · joint workplans for inter-agency networks</p>
      </footer>
    </CurrentNetworkContext.Provider>
  );
}

export function isActive(pathname: string, label: string): boolean {
  if (label === "Members") return /^\/networks\/[^/]+\/members\/?$/.test(pathname);
  if (label === "Warnings") return /^\/networks\/[^/]+\/warnings\/?$/.test(pathname);
  if (label === "Tasks") return /^\/networks\/[^/]+\/tasks\/?$/.test(pathname);
  // the GCM report and the network's exports sit with the coverage
  if (label === "Coverage") {
    return /^\/networks\/[^/]+\/(coverage|report|exports)\/?$/.test(pathname);
  }
  if (label === "My work") return pathname.startsWith("/my-work");
  // the home page lists your networks: no tab of one network is current there
  return /^\/networks\/[^/]+\/?$/.test(pathname) || pathname.startsWith("/workplans/");
}
