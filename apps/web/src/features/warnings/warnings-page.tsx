import type { TaskView, WarningDecision, WarningView } from "@junction/domain";
import { type ReactNode, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { usePermissions } from "../../app/permissions";
import { Link } from "../../app/router";
import { formatCount, formatDate } from "../../lib/format";
import { FilterSelect } from "../../ui/filter-select";
import { LoadMore } from "../../ui/load-more";
import { EmptyState, ErrorState, LoadingState, Notice } from "../../ui/states";
import { CoordinateTaskDialog } from "./coordinate-task-dialog";
import { useNetworkMembers } from "./use-members";
import { decideWarning, useNetworkWarnings, useWarningCounts } from "./use-warnings";
import { WarningCard } from "./warning-card";
import { NO_FILTER, type StatusFilter, truncate, type WarningFilter } from "./warning-logic";

const STATUS_OPTIONS: ReadonlyArray<{ value: StatusFilter; label: string }> = [
  { value: "all", label: "All warnings" },
  { value: "open", label: "Open" },
  { value: "dismissed", label: "Not a duplicate" },
  { value: "coordinate", label: "Coordinating" },
];

/** `?organisation=` and `?status=` in the address (My work links here) set the first filter. */
function filterFromUrl(): WarningFilter {
  const params = new URLSearchParams(window.location.search);
  const status = STATUS_OPTIONS.find((o) => o.value === params.get("status"))?.value;
  return { status: status ?? NO_FILTER.status, organisationId: params.get("organisation") ?? "" };
}

type Message = { tone: "success" | "info" | "error"; text: string; undo?: WarningView };

function pairName(warning: WarningView): string {
  const title = (text: string) => `“${truncate(text || "Untitled activity", 60)}”`;
  return `${title(warning.a.title)} and ${title(warning.b.title)}`;
}

function taskMessage(tasks: readonly TaskView[]): string {
  const names = tasks.map((task) => task.assigneeName ?? "a member").join(" and ");
  const due = tasks[0]?.due ? `, due ${formatDate(tasks[0].due)}` : "";
  return `${tasks.length === 1 ? "Task" : "Tasks"} created for ${names}${due}.`;
}

export function WarningsPage({ networkId }: { networkId: string }) {
  const network = useResource(() => api.network(networkId), networkId);
  const organisationList = useResource(
    () => api.organisations(networkId),
    `warning-organisations:${networkId}`,
  );
  const [filter, setFilter] = useState<WarningFilter>(filterFromUrl);
  const openList = useNetworkWarnings(networkId, {
    status: "open",
    organisation: filter.organisationId,
  });
  const decidedList = useNetworkWarnings(networkId, {
    status: filter.status === "all" || filter.status === "open" ? "decided" : filter.status,
    organisation: filter.organisationId,
  });
  const totals = useWarningCounts(networkId);
  const filtered = useWarningCounts(networkId, filter.organisationId);
  const { may } = usePermissions(networkId);
  const { nameOf } = useNetworkMembers(networkId);
  const [taskFor, setTaskFor] = useState<WarningView | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const canDecide = may("warning.decide");
  const canCreateTask = may("task.create");

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

  const open = openList.items;
  const decided = decidedList.items;
  const organisations = (organisationList.data ?? [])
    .map((o) => ({ id: o.id, label: o.acronym || o.name }))
    .sort((a, b) => a.label.localeCompare(b.label));
  const isFiltered = filter.status !== NO_FILTER.status || filter.organisationId !== "";
  const totalDecided = totals ? totals.dismissed + totals.coordinate : null;
  const decidedCount =
    filtered === null
      ? decided.length
      : filter.status === "dismissed"
        ? filtered.dismissed
        : filter.status === "coordinate"
          ? filtered.coordinate
          : filtered.dismissed + filtered.coordinate;
  const openCount = filtered?.open ?? open.length;
  const warnings = {
    status:
      openList.status === "error" || decidedList.status === "error"
        ? ("error" as const)
        : openList.status === "ready" && decidedList.status === "ready" && totals !== null
          ? ("ready" as const)
          : ("loading" as const),
    error: openList.error ?? decidedList.error,
    reload: () => {
      openList.reload();
      decidedList.reload();
    },
  };
  const isEmpty = totals !== null && totals.open + (totalDecided ?? 0) === 0;

  function onDecided(warning: WarningView, decision: WarningDecision) {
    if (decision === "not-duplicate") {
      setMessage({
        tone: "success",
        text: `Marked ${pairName(warning)} as not a duplicate. It stays quiet unless either activity changes.`,
        undo: warning,
      });
    } else if (decision === "reopen") {
      setMessage({ tone: "info", text: `Reopened the warning on ${pairName(warning)}.` });
    } else {
      setMessage({ tone: "success", text: `Marked ${pairName(warning)} to coordinate.` });
    }
  }

  async function undo(warning: WarningView) {
    setMessage(null);
    try {
      await decideWarning(warning.id, "reopen");
    } catch (caught) {
      setMessage({ tone: "error", text: describeError(caught) });
    }
  }

  const card = (warning: WarningView) => (
    <li key={warning.id}>
      <WarningCard
        warning={warning}
        canDecide={canDecide}
        nameOf={nameOf}
        onCoordinate={canCreateTask ? setTaskFor : () => {}}
        onDecided={onDecided}
      />
    </li>
  );

  const emptyFiltered = (title: string): ReactNode => (
    <EmptyState title={title}>
      <button
        type="button"
        className="button button-secondary"
        onClick={() => setFilter(NO_FILTER)}
      >
        Clear filters
      </button>
    </EmptyState>
  );

  const showOpen = filter.status === "all" || filter.status === "open";
  const decidedTitle =
    filter.status === "dismissed"
      ? "Not a duplicate"
      : filter.status === "coordinate"
        ? "Coordinating"
        : null;

  return (
    <section className="page" aria-labelledby="warnings-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/">Your networks</Link>
          </li>
          <li>
            <Link to={`/networks/${encodeURIComponent(networkId)}`}>
              {network.data?.name ?? "Network"}
            </Link>
          </li>
          <li aria-current="page">Warnings</li>
        </ol>
      </nav>
      <div className="page-header">
        <div>
          <h1 id="warnings-title">Duplication warnings</h1>
          <p className="muted">
            {totals !== null
              ? `${formatCount(totals.open, "open warning")} · ${totalDecided} decided`
              : "Checking the network's activities…"}
          </p>
        </div>
        {organisations.length > 0 ? (
          <fieldset className="warning-filters">
            <legend className="visually-hidden">Filter warnings</legend>
            <FilterSelect
              label="Status"
              value={filter.status}
              options={STATUS_OPTIONS}
              onChange={(value) => {
                const status = STATUS_OPTIONS.find((o) => o.value === value);
                setFilter((current) => ({ ...current, status: status?.value ?? "all" }));
              }}
            />
            <FilterSelect
              label="Organisation"
              value={filter.organisationId}
              options={[
                { value: "", label: "All organisations" },
                ...organisations.map((organisation) => ({
                  value: organisation.id,
                  label: organisation.label,
                })),
              ]}
              onChange={(value) => setFilter((current) => ({ ...current, organisationId: value }))}
            />
          </fieldset>
        ) : null}
      </div>
      <p className="lede">
        Junction compares every activity in this network and flags pairs led by different
        organisations that look like the same work. Check the reasons against both activities
        {canDecide
          ? ", then decide: not a duplicate, or coordinate with a task for the two leads."
          : "; a coordinator decides whether they are duplicates."}
      </p>

      {message ? (
        <Notice tone={message.tone} onDismiss={() => setMessage(null)}>
          {message.text}
          {message.undo ? (
            <>
              {" "}
              <button
                type="button"
                className="link-button"
                onClick={() => message.undo && void undo(message.undo)}
              >
                Undo
              </button>
            </>
          ) : null}
        </Notice>
      ) : null}

      {warnings.status === "loading" ? <LoadingState label="Loading warnings…" /> : null}
      {warnings.status === "error" ? (
        <ErrorState
          title="Could not load the warnings"
          error={warnings.error}
          onRetry={warnings.reload}
        />
      ) : null}

      {warnings.status === "ready" && isEmpty ? (
        <EmptyState title="No duplication warnings">
          <p className="muted">
            When two organisations plan what looks like the same work, it shows up here and beside
            both activities.
          </p>
        </EmptyState>
      ) : null}

      {warnings.status === "ready" && !isEmpty ? (
        <>
          {showOpen ? (
            <section className="section" aria-labelledby="open-warnings-title">
              <div className="section-header">
                <h2 id="open-warnings-title">
                  Open <span className="count">{openCount}</span>
                </h2>
              </div>
              {open.length > 0 ? (
                <>
                  <ul className="warning-list">{open.map(card)}</ul>
                  <LoadMore
                    hasMore={openList.hasMore}
                    isLoading={openList.isLoadingMore}
                    onLoadMore={openList.loadMore}
                    label="Load more open warnings"
                  />
                </>
              ) : isFiltered ? (
                emptyFiltered("No open warnings match these filters")
              ) : (
                <EmptyState title="No open warnings">
                  <p className="muted">Every warning in this network has been decided.</p>
                </EmptyState>
              )}
            </section>
          ) : null}
          {filter.status === "all" && decided.length > 0 ? (
            <details className="archived warning-decided">
              <summary>Decided ({decidedCount})</summary>
              <ul className="warning-list">{decided.map(card)}</ul>
              <LoadMore
                hasMore={decidedList.hasMore}
                isLoading={decidedList.isLoadingMore}
                onLoadMore={decidedList.loadMore}
                label="Load more decided warnings"
              />
            </details>
          ) : null}
          {decidedTitle ? (
            <section className="section" aria-labelledby="decided-warnings-title">
              <div className="section-header">
                <h2 id="decided-warnings-title">
                  {decidedTitle} <span className="count">{decidedCount}</span>
                </h2>
              </div>
              {decided.length > 0 ? (
                <>
                  <ul className="warning-list">{decided.map(card)}</ul>
                  <LoadMore
                    hasMore={decidedList.hasMore}
                    isLoading={decidedList.isLoadingMore}
                    onLoadMore={decidedList.loadMore}
                  />
                </>
              ) : (
                emptyFiltered("No warnings match these filters")
              )}
            </section>
          ) : null}
        </>
      ) : null}

      <CoordinateTaskDialog
        warning={taskFor}
        onClose={() => setTaskFor(null)}
        onCreated={(tasks) => setMessage({ tone: "success", text: taskMessage(tasks) })}
      />
    </section>
  );
}
