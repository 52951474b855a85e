import type { TaskView } from "@junction/domain";
import { useMemo, useState } from "react";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { usePermissions } from "../../app/permissions";
import { Link } from "../../app/router";
import { useMe } from "../../app/session";
import { type MessageKey, useT } from "../../i18n";
import { FilterSelect } from "../../ui/filter-select";
import { EmptyState, ErrorState, LoadingState, Notice } from "../../ui/states";
import { TaskDialog } from "./task-dialog";
import {
  assigneesOf,
  countUnfinished,
  filterTasks,
  NO_TASK_FILTER,
  sortTasks,
  TASK_STATUS_KEYS,
  type TaskFilter,
  type TaskStatusFilter,
  toDay,
} from "./task-logic";
import {
  DueLabel,
  TaskActivities,
  TaskStatusBadge,
  TaskStatusSelect,
  TaskThreadLink,
} from "./task-parts";
import { useActivityIndex, useNetworkTasks } from "./use-tasks";

const STATUS_OPTIONS: ReadonlyArray<{ value: TaskStatusFilter; key: MessageKey<"tasks"> }> = [
  { value: "unfinished", key: "filter.unfinished" },
  { value: "all", key: "filter.all" },
  { value: "open", key: TASK_STATUS_KEYS.open },
  { value: "in-progress", key: TASK_STATUS_KEYS["in-progress"] },
  { value: "done", key: TASK_STATUS_KEYS.done },
  { value: "cancelled", key: TASK_STATUS_KEYS.cancelled },
];

type Editing = { task: TaskView | null } | null;

export function TasksPage({ networkId }: { networkId: string }) {
  const me = useMe();
  const t = useT("tasks");
  const network = useResource(() => api.network(networkId), networkId);
  const tasks = useNetworkTasks(networkId);
  const { may } = usePermissions(networkId);
  const canManage = may("task.create");
  const index = useActivityIndex([networkId]);
  const activities = useMemo(() => [...index.values()], [index]);
  const [filter, setFilter] = useState<TaskFilter>(NO_TASK_FILTER);
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  const today = toDay(new Date());

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

  const all = tasks.data ?? [];
  const shown = sortTasks(filterTasks(all, filter));
  const people = assigneesOf(all);
  const isFiltered = filter.status !== NO_TASK_FILTER.status || filter.assigneeId !== "";
  const overdue = all.filter((task) => task.overdue).length;

  function replace(updated: TaskView) {
    tasks.update((list) =>
      list.some((task) => task.id === updated.id)
        ? list.map((task) => (task.id === updated.id ? updated : task))
        : [updated, ...list],
    );
  }

  return (
    <section className="page" aria-labelledby="tasks-title">
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
          <li aria-current="page">{t("title")}</li>
        </ol>
      </nav>
      <div className="page-header">
        <div>
          <h1 id="tasks-title">{t("title")}</h1>
          <p className="muted">
            {tasks.status === "ready"
              ? [
                  t("summary.unfinished", { count: countUnfinished(all) }),
                  overdue ? t("summary.overdue", { count: overdue }) : null,
                  t("summary.total", { count: all.length }),
                ]
                  .filter(Boolean)
                  .join(" · ")
              : t("loadingNetworkTasks")}
          </p>
        </div>
        {canManage ? (
          <div className="page-header-aside">
            <button
              type="button"
              className="button button-primary"
              onClick={() => setEditing({ task: null })}
            >
              {t("new")}
            </button>
          </div>
        ) : null}
      </div>

      {message ? (
        <Notice tone="success" onDismiss={() => setMessage(null)}>
          {message}
        </Notice>
      ) : null}

      {all.length > 0 ? (
        <fieldset className="warning-filters task-filters">
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
              setFilter((current) => ({ ...current, status: status?.value ?? "unfinished" }));
            }}
          />
          <FilterSelect
            label={t("filter.assignee")}
            value={filter.assigneeId}
            options={[
              { value: "", label: t("filter.everyone") },
              ...people.map((person) => ({
                value: person.id,
                label: person.id === me.id ? t("filter.me", { name: person.name }) : person.name,
              })),
            ]}
            onChange={(value) => setFilter((current) => ({ ...current, assigneeId: value }))}
          />
        </fieldset>
      ) : null}

      {tasks.status === "loading" ? <LoadingState label={t("loading")} /> : null}
      {tasks.status === "error" ? (
        <ErrorState title={t("couldNotLoad")} error={tasks.error} onRetry={tasks.reload} />
      ) : null}
      {tasks.status === "ready" && all.length === 0 ? (
        <EmptyState title={t("empty.title")}>
          <p className="muted">{canManage ? t("empty.coordinator") : t("empty.member")}</p>
        </EmptyState>
      ) : null}
      {tasks.status === "ready" && all.length > 0 && shown.length === 0 ? (
        <EmptyState title={t("noMatch")}>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setFilter(NO_TASK_FILTER)}
          >
            {t("filter.clear")}
          </button>
        </EmptyState>
      ) : null}
      {shown.length > 0 ? (
        <div className="table-wrap card">
          <table className="table table-stack task-table">
            <caption className="visually-hidden">
              {isFiltered ? t("caption.filtered") : t("caption.unfinished")}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("column.task")}</th>
                <th scope="col">{t("filter.assignee")}</th>
                <th scope="col">{t("column.due")}</th>
                <th scope="col">{t("filter.status")}</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">{t("column.actions")}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {shown.map((task) => {
                const mayChangeStatus = canManage || task.assigneeId === me.id;
                return (
                  <tr
                    key={task.id}
                    id={`task-${task.id}`}
                    className={task.overdue ? "task-row-overdue" : undefined}
                  >
                    <th scope="row">
                      <span className="cell-strong" dir="auto">
                        {task.title}
                      </span>
                      <TaskActivities task={task} index={index} />
                      <TaskThreadLink task={task} />
                    </th>
                    <td data-label={t("filter.assignee")}>
                      {task.assigneeName ?? <span className="muted">{t("nobody")}</span>}
                      {task.assigneeId === me.id ? <span className="tag">{t("you")}</span> : null}
                    </td>
                    <td data-label={t("column.due")} className="nowrap">
                      <DueLabel task={task} today={today} />
                    </td>
                    <td data-label={t("filter.status")}>
                      {mayChangeStatus ? (
                        <TaskStatusSelect
                          task={task}
                          label={t("statusOf", { title: task.title })}
                          onChanged={replace}
                        />
                      ) : (
                        <TaskStatusBadge status={task.status} />
                      )}
                    </td>
                    {canManage ? (
                      <td className="cell-actions">
                        <button
                          type="button"
                          className="button button-ghost button-small"
                          onClick={() => setEditing({ task })}
                          aria-label={t("editLabel", { title: task.title })}
                        >
                          {t("edit")}
                        </button>
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      <TaskDialog
        networkId={networkId}
        task={editing?.task ?? null}
        open={editing !== null}
        activities={activities}
        onClose={() => setEditing(null)}
        onSaved={(saved) => {
          replace(saved);
          setMessage(
            editing?.task
              ? t("saved", { title: saved.title })
              : t("created", { name: saved.assigneeName ?? t("theAssignee") }),
          );
        }}
      />
    </section>
  );
}
