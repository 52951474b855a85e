import type { Me } from "@junction/domain";
import { type ReactNode, useCallback, useMemo, useState } from "react";
import { api } from "../api/client";
import { useResource } from "../api/use-resource";
import { useMyWork } from "../features/my-work/use-my-work";
import { NotificationBell } from "../features/notifications";
import { countUnfinished } from "../features/tasks/task-logic";
import { useOpenWarningCount } from "../features/warnings/use-warnings";
import { useT } from "../i18n";
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
  const t = useT("shell");
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
  const nav: { id: NavItem; label: string; to: string; count?: number | null; what?: string }[] = [
    { id: "workplans", label: t("nav.workplans"), to: networkId ? `/networks/${networkId}` : "/" },
    { id: "tasks", label: t("nav.tasks"), to: networkId ? `/networks/${networkId}/tasks` : "/" },
    {
      id: "warnings",
      label: t("nav.warnings"),
      to: networkId ? `/networks/${networkId}/warnings` : "/",
      count: openWarnings,
      what: t("nav.openWarnings", { count: openWarnings ?? 0 }),
    },
    {
      id: "coverage",
      label: t("nav.coverage"),
      to: networkId ? `/networks/${networkId}/coverage` : "/",
    },
    {
      id: "members",
      label: t("nav.members"),
      to: networkId ? `/networks/${networkId}/members` : "/",
    },
    {
      id: "my-work",
      label: t("nav.myWork"),
      to: "/my-work",
      count: myOpenTasks,
      what: t("nav.openTasks", { count: myOpenTasks ?? 0 }),
    },
  ];
  const currentName = options.find((o) => o.id === networkId)?.name;

  return (
    <CurrentNetworkContext.Provider value={context}>
      <a className="skip-link" href="#main">
        {t("skipToContent")}
      </a>
      <header className="app-header">
        <div className="app-header-inner">
          <Link to="/" className="brand" aria-label={t("homeLink")}>
            <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
              <rect width="32" height="32" rx="7" />
              <path d="M6 16h8M18 16h8" />
              <circle cx="16" cy="16" r="3" />
            </svg>
            <span className="brand-name">Junction</span>
          </Link>
          {options.length > 1 ? (
            <label className="network-switcher">
              <span className="visually-hidden">{t("currentNetwork")}</span>
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
            <Link
              to={`/networks/${networkId}`}
              className="network-name"
              title={currentName}
              dir="auto"
            >
              {currentName}
            </Link>
          ) : null}
          <nav className="app-nav" aria-label={t("mainNavigation")}>
            {nav.map((item) => (
              <Link
                key={item.id}
                to={item.to}
                className="app-nav-link"
                aria-current={isActive(pathname, item.id) ? "page" : undefined}
              >
                {item.label}
                {item.count ? (
                  <span className="nav-count">
                    <span aria-hidden="true">{item.count}</span>
                    <span className="visually-hidden"> {item.what}</span>
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
        <p>{t("footer")}</p>
      </footer>
    </CurrentNetworkContext.Provider>
  );
}

type NavItem = "workplans" | "tasks" | "warnings" | "coverage" | "members" | "my-work";

export function isActive(pathname: string, item: NavItem): boolean {
  if (item === "members") return /^\/networks\/[^/]+\/members\/?$/.test(pathname);
  if (item === "warnings") return /^\/networks\/[^/]+\/warnings\/?$/.test(pathname);
  if (item === "tasks") return /^\/networks\/[^/]+\/tasks\/?$/.test(pathname);
  // the GCM report and the network's exports sit with the coverage
  if (item === "coverage") {
    return /^\/networks\/[^/]+\/(coverage|report|exports)\/?$/.test(pathname);
  }
  if (item === "my-work") return pathname.startsWith("/my-work");
  // the home page lists your networks: no tab of one network is current there
  return /^\/networks\/[^/]+\/?$/.test(pathname) || pathname.startsWith("/workplans/");
}
