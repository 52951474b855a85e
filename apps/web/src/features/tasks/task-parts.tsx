import { TASK_STATUSES, type TaskStatus, type TaskView } from "@junction/domain";
import { useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { Link } from "../../app/router";
import { useFormat, useT } from "../../i18n";
import { describeDue, TASK_STATUS_KEYS } from "./task-logic";
import { type ActivityRef, activityPath } from "./use-tasks";

function isTaskStatus(value: string): value is TaskStatus {
  return (TASK_STATUSES as readonly string[]).includes(value);
}

/** The status of a task as a select for whoever may change it; saves on change. */
export function TaskStatusSelect({
  task,
  onChanged,
  label,
}: {
  task: TaskView;
  onChanged: (task: TaskView) => void;
  label: string;
}) {
  const t = useT("tasks");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function change(value: string) {
    if (!isTaskStatus(value) || value === task.status) return;
    setBusy(true);
    setError(null);
    try {
      onChanged(await api.updateTask(task.id, { status: value }));
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="task-status-control">
      <select
        className={`select select-compact task-status-select task-status-${task.status}`}
        aria-label={label}
        value={task.status}
        disabled={busy}
        onChange={(event) => void change(event.target.value)}
      >
        {TASK_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(TASK_STATUS_KEYS[status])}
          </option>
        ))}
      </select>
      {error ? (
        <span className="field-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const t = useT("tasks");
  return <span className={`badge task-status-${status}`}>{t(TASK_STATUS_KEYS[status])}</span>;
}

export function DueLabel({ task, today }: { task: TaskView; today: string }) {
  const t = useT("tasks");
  const f = useFormat();
  const { text, tone } = describeDue(task, today, t);
  return (
    <span className={`due due-${tone}`}>
      {tone === "overdue" ? (
        <svg className="due-icon" viewBox="0 0 16 16" aria-hidden="true">
          <circle cx="8" cy="8" r="6.5" />
          <path d="M8 4.5V8.5M8 11v.1" />
        </svg>
      ) : null}
      {text}
      {task.due && (tone === "overdue" || tone === "soon") ? (
        <time className="due-date" dateTime={task.due}>
          {f.calendarDate(task.due)}
        </time>
      ) : null}
    </span>
  );
}

/** The activities a task is about, each a link into its workplan once the index knows it. */
/** The comment thread a task was made from: its page opens the thread in its workplan. */
export function threadPath(threadId: string): string {
  return `/threads/${encodeURIComponent(threadId)}`;
}

/** A link back to the thread the task came from, when it came from one. */
export function TaskThreadLink({ task }: { task: TaskView }) {
  const t = useT("tasks");
  if (!task.fromThreadId) return null;
  return (
    <Link to={threadPath(task.fromThreadId)} className="task-thread-link small">
      {t("fromThread")}
    </Link>
  );
}

export function TaskActivities({
  task,
  index,
}: {
  task: TaskView;
  index: Map<string, ActivityRef>;
}) {
  const t = useT("tasks");
  if (task.activityIds.length === 0) return null;
  return (
    <ul className="task-activities" aria-label={t("activities")}>
      {task.activityIds.map((activityId) => {
        const ref = index.get(activityId);
        return (
          <li key={activityId}>
            {ref ? (
              <Link
                to={activityPath(ref)}
                className="task-activity-link"
                title={ref.workplanTitle}
                dir="auto"
              >
                {ref.title || t("untitledActivity")}
              </Link>
            ) : (
              <span className="muted">{t("activityId", { id: activityId })}</span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
