import type { TaskView } from "@junction/domain";
import { useMemo, useState } from "react";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { usePermissions } from "../../app/permissions";
import { Link } from "../../app/router";
import { useMe } from "../../app/session";
import { formatCount } from "../../lib/format";
import { FilterSelect } from "../../ui/filter-select";
import { EmptyState, ErrorState, LoadingState, Notice } from "../../ui/states";
import { TaskDialog } from "./task-dialog";
import {
  assigneesOf,
  countUnfinished,
  filterTasks,
  NO_TASK_FILTER,
  sortTasks,
  TASK_STATUS_LABELS,
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

const STATUS_OPTIONS: ReadonlyArray<{ value: TaskStatusFilter; label: string }> = [
  { value: "unfinished", label: "Not finished" },
  { value: "all", label: "All tasks" },
  { value: "open", label: TASK_STATUS_LABELS.open },
  { value: "in-progress", label: TASK_STATUS_LABELS["in-progress"] },
  { value: "done", label: TASK_STATUS_LABELS.done },
  { value: "cancelled", label: TASK_STATUS_LABELS.cancelled },
];

type Editing = { task: TaskView | null } | null;

export function TasksPage({ networkId }: { networkId: string }) {
  const me = useMe();
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
          title="Could not open this network"
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
      list.some((t) => t.id === updated.id)
        ? list.map((t) => (t.id === updated.id ? updated : t))
        : [updated, ...list],
    );
  }

  return (
    <section className="page" aria-labelledby="tasks-title">
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
          <li aria-current="page">Tasks</li>
        </ol>
      </nav>
      <div className="page-header">
        <div>
          <h1 id="tasks-title">Tasks</h1>
          <p className="muted">
            {tasks.status === "ready"
              ? `${formatCount(countUnfinished(all), "unfinished task")}${overdue ? ` · ${overdue} overdue` : ""} · ${formatCount(all.length, "task")} in all`
              : "Loading the network's tasks…"}
          </p>
        </div>
        {canManage ? (
          <div className="page-header-aside">
            <button
              type="button"
              className="button button-primary"
              onClick={() => setEditing({ task: null })}
            >
              New task
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
          <legend className="visually-hidden">Filter tasks</legend>
          <FilterSelect
            label="Status"
            value={filter.status}
            options={STATUS_OPTIONS}
            onChange={(value) => {
              const status = STATUS_OPTIONS.find((o) => o.value === value);
              setFilter((current) => ({ ...current, status: status?.value ?? "unfinished" }));
            }}
          />
          <FilterSelect
            label="Assignee"
            value={filter.assigneeId}
            options={[
              { value: "", label: "Everyone" },
              ...people.map((person) => ({
                value: person.id,
                label: person.id === me.id ? `${person.name} (me)` : person.name,
              })),
            ]}
            onChange={(value) => setFilter((current) => ({ ...current, assigneeId: value }))}
          />
        </fieldset>
      ) : null}

      {tasks.status === "loading" ? <LoadingState label="Loading tasks…" /> : null}
      {tasks.status === "error" ? (
        <ErrorState title="Could not load the tasks" error={tasks.error} onRetry={tasks.reload} />
      ) : null}
      {tasks.status === "ready" && all.length === 0 ? (
        <EmptyState title="No tasks in this network yet">
          <p className="muted">
            {canManage
              ? "Create one with “New task”, or from a comment thread or a duplication warning. Its assignee finds it on My work."
              : "When a coordinator assigns someone a task (from a comment or a duplication warning), it is listed here."}
          </p>
        </EmptyState>
      ) : null}
      {tasks.status === "ready" && all.length > 0 && shown.length === 0 ? (
        <EmptyState title="No task matches these filters">
          <button
            type="button"
            className="button button-secondary"
            onClick={() => setFilter(NO_TASK_FILTER)}
          >
            Clear filters
          </button>
        </EmptyState>
      ) : null}
      {shown.length > 0 ? (
        <div className="table-wrap card">
          <table className="table table-stack task-table">
            <caption className="visually-hidden">
              {isFiltered ? "Tasks matching the filters" : "Unfinished tasks"}
            </caption>
            <thead>
              <tr>
                <th scope="col">Task</th>
                <th scope="col">Assignee</th>
                <th scope="col">Due</th>
                <th scope="col">Status</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
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
                      <span className="cell-strong">{task.title}</span>
                      <TaskActivities task={task} index={index} />
                      <TaskThreadLink task={task} />
                    </th>
                    <td data-label="Assignee">
                      {task.assigneeName ?? <span className="muted">Nobody</span>}
                      {task.assigneeId === me.id ? <span className="tag">you</span> : null}
                    </td>
                    <td data-label="Due" className="nowrap">
                      <DueLabel task={task} today={today} />
                    </td>
                    <td data-label="Status">
                      {mayChangeStatus ? (
                        <TaskStatusSelect
                          task={task}
                          label={`Status of “${task.title}”`}
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
                          aria-label={`Edit “${task.title}”`}
                        >
                          Edit
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
              ? `Saved “${saved.title}”.`
              : `Task created for ${saved.assigneeName ?? "the assignee"}.`,
          );
        }}
      />
    </section>
  );
}
