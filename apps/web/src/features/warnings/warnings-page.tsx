import type { TaskView, WarningDecision, WarningView } from "@junction/domain";
import { type ReactNode, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { usePermissions } from "../../app/permissions";
import { Link } from "../../app/router";
import { type Formatters, type MessageKey, type Translate, useFormat, useT } from "../../i18n";
import { FilterSelect } from "../../ui/filter-select";
import { LoadMore } from "../../ui/load-more";
import { EmptyState, ErrorState, LoadingState, Notice } from "../../ui/states";
import { CoordinateTaskDialog } from "./coordinate-task-dialog";
import { useNetworkMembers } from "./use-members";
import { decideWarning, useNetworkWarnings, useWarningCounts } from "./use-warnings";
import { WarningCard } from "./warning-card";
import { NO_FILTER, type StatusFilter, truncate, type WarningFilter } from "./warning-logic";

const STATUS_OPTIONS: ReadonlyArray<{ value: StatusFilter; key: MessageKey<"warnings"> }> = [
  { value: "all", key: "filter.all" },
  { value: "open", key: "status.open" },
  { value: "dismissed", key: "status.dismissed" },
  { value: "coordinate", key: "status.coordinate" },
];

/** `?organisation=` and `?status=` in the address (My work links here) set the first filter. */
function filterFromUrl(): WarningFilter {
  const params = new URLSearchParams(window.location.search);
  const status = STATUS_OPTIONS.find((o) => o.value === params.get("status"))?.value;
  return { status: status ?? NO_FILTER.status, organisationId: params.get("organisation") ?? "" };
}

type Message = { tone: "success" | "info" | "error"; text: string; undo?: WarningView };

/** The two activities' titles, shortened, as the values of a message's `{a}` and `{b}`. */
function pair(warning: WarningView, t: Translate<"warnings">): { a: string; b: string } {
  // bidi-isolated: an English title keeps its order inside an Arabic sentence
  const title = (text: string) => `\u2068${truncate(text || t("untitledActivity"), 60)}\u2069`;
  return { a: title(warning.a.title), b: title(warning.b.title) };
}

function taskMessage(tasks: readonly TaskView[], t: Translate<"warnings">, f: Formatters): string {
  const names = f.list(tasks.map((task) => task.assigneeName ?? t("aMember")));
  const due = tasks[0]?.due;
  return due
    ? t("tasksCreatedDue", { count: tasks.length, names, due: f.calendarDate(due) })
    : t("tasksCreated", { count: tasks.length, names });
}

export function WarningsPage({ networkId }: { networkId: string }) {
  const t = useT("warnings");
  const f = useFormat();
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
          title={t("couldNotOpenNetwork")}
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
        text: t("message.dismissed", pair(warning, t)),
        undo: warning,
      });
    } else if (decision === "reopen") {
      setMessage({ tone: "info", text: t("message.reopened", pair(warning, t)) });
    } else {
      setMessage({ tone: "success", text: t("message.coordinate", pair(warning, t)) });
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
        {t("filter.clear")}
      </button>
    </EmptyState>
  );

  const showOpen = filter.status === "all" || filter.status === "open";
  const decidedTitle =
    filter.status === "dismissed"
      ? t("status.dismissed")
      : filter.status === "coordinate"
        ? t("status.coordinate")
        : null;

  return (
    <section className="page" aria-labelledby="warnings-title">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t("yourNetworks")}</Link>
          </li>
          <li>
            <Link to={`/networks/${encodeURIComponent(networkId)}`} dir="auto">
              {network.data?.name ?? t("network")}
            </Link>
          </li>
          <li aria-current="page">{t("breadcrumbWarnings")}</li>
        </ol>
      </nav>
      <div className="page-header">
        <div>
          <h1 id="warnings-title">{t("title")}</h1>
          <p className="muted">
            {totals !== null
              ? t("summary", { open: totals.open, decided: totalDecided ?? 0 })
              : t("checking")}
          </p>
        </div>
        {organisations.length > 0 ? (
          <fieldset className="warning-filters">
            <legend className="visually-hidden">{t("filter.legend")}</legend>
            <FilterSelect
              label={t("filter.status")}
              value={filter.status}
              options={STATUS_OPTIONS.map((option) => ({
                value: option.value,
                label: t(option.key),
              }))}
              onChange={(value) => {
                const status = STATUS_OPTIONS.find((o) => o.value === value);
                setFilter((current) => ({ ...current, status: status?.value ?? "all" }));
              }}
            />
            <FilterSelect
              label={t("filter.organisation")}
              value={filter.organisationId}
              options={[
                { value: "", label: t("filter.allOrganisations") },
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
      <p className="lede">{canDecide ? t("lede.coordinator") : t("lede.member")}</p>

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
                {t("undo")}
              </button>
            </>
          ) : null}
        </Notice>
      ) : null}

      {warnings.status === "loading" ? <LoadingState label={t("loading")} /> : null}
      {warnings.status === "error" ? (
        <ErrorState title={t("couldNotLoad")} error={warnings.error} onRetry={warnings.reload} />
      ) : null}

      {warnings.status === "ready" && isEmpty ? (
        <EmptyState title={t("empty.title")}>
          <p className="muted">{t("empty.body")}</p>
        </EmptyState>
      ) : null}

      {warnings.status === "ready" && !isEmpty ? (
        <>
          {showOpen ? (
            <section className="section" aria-labelledby="open-warnings-title">
              <div className="section-header">
                <h2 id="open-warnings-title">
                  {t("status.open")} <span className="count">{f.number(openCount)}</span>
                </h2>
              </div>
              {open.length > 0 ? (
                <>
                  <ul className="warning-list">{open.map(card)}</ul>
                  <LoadMore
                    hasMore={openList.hasMore}
                    isLoading={openList.isLoadingMore}
                    onLoadMore={openList.loadMore}
                    label={t("loadMoreOpen")}
                  />
                </>
              ) : isFiltered ? (
                emptyFiltered(t("noOpenMatch"))
              ) : (
                <EmptyState title={t("noOpen.title")}>
                  <p className="muted">{t("noOpen.body")}</p>
                </EmptyState>
              )}
            </section>
          ) : null}
          {filter.status === "all" && decided.length > 0 ? (
            <details className="archived warning-decided">
              <summary>{t("decided", { count: decidedCount })}</summary>
              <ul className="warning-list">{decided.map(card)}</ul>
              <LoadMore
                hasMore={decidedList.hasMore}
                isLoading={decidedList.isLoadingMore}
                onLoadMore={decidedList.loadMore}
                label={t("loadMoreDecided")}
              />
            </details>
          ) : null}
          {decidedTitle ? (
            <section className="section" aria-labelledby="decided-warnings-title">
              <div className="section-header">
                <h2 id="decided-warnings-title">
                  {decidedTitle} <span className="count">{f.number(decidedCount)}</span>
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
                emptyFiltered(t("noneMatch"))
              )}
            </section>
          ) : null}
        </>
      ) : null}

      <CoordinateTaskDialog
        warning={taskFor}
        onClose={() => setTaskFor(null)}
        onCreated={(tasks) => setMessage({ tone: "success", text: taskMessage(tasks, t, f) })}
      />
    </section>
  );
}
