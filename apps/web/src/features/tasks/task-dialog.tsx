import type { TaskView } from "@junction/domain";
import { useMemo, useState } from "react";
import { api } from "../../api/client";
import { useT } from "../../i18n";
import { FormDialog } from "../../ui/dialog";
import { Field } from "../../ui/field";
import { Notice } from "../../ui/states";
import { TASK_STATUS_KEYS, toDay } from "./task-logic";
import { type ActivityRef, assignable, useAssignableMembers } from "./use-tasks";

const DEFAULT_DUE_IN_DAYS = 14;
const MAX_LISTED_ACTIVITIES = 50;

function inDays(days: number): string {
  const date = new Date();
  date.setDate(date.getDate() + days);
  return toDay(date);
}

type TaskDialogProps = {
  networkId: string;
  /** The task to edit; a new task when null. */
  task: TaskView | null;
  open: boolean;
  activities: readonly ActivityRef[];
  /** A new task's starting values, e.g. from a comment thread; `fromThreadId` links it. */
  prefill?: { title?: string; activityIds?: readonly string[]; fromThreadId?: string };
  onClose: () => void;
  onSaved: (task: TaskView) => void;
};

/** Creates a task or edits one (coordinators): title, assignee, due date, activities. */
export function TaskDialog(props: TaskDialogProps) {
  // mounted only while open: each opening starts from the task's current values
  return props.open ? <TaskForm key={props.task?.id ?? "new"} {...props} /> : null;
}

function TaskForm({
  networkId,
  task,
  open,
  activities,
  prefill,
  onClose,
  onSaved,
}: TaskDialogProps) {
  const t = useT("tasks");
  const members = useAssignableMembers(networkId);
  const people = useMemo(() => assignable(members.data ?? []), [members.data]);
  const [title, setTitle] = useState(task?.title ?? prefill?.title ?? "");
  const [assigneeId, setAssigneeId] = useState(task?.assigneeId ?? "");
  const [due, setDue] = useState(task ? (task.due ?? "") : inDays(DEFAULT_DUE_IN_DAYS));
  const [activityIds, setActivityIds] = useState<string[]>(
    task?.activityIds ?? [...(prefill?.activityIds ?? [])],
  );
  const [query, setQuery] = useState("");

  const matching = useMemo(() => {
    const needle = query.trim().toLowerCase();
    const found = activities.filter(
      (a) =>
        !needle ||
        a.title.toLowerCase().includes(needle) ||
        a.workplanTitle.toLowerCase().includes(needle),
    );
    // chosen activities stay listed whatever the search, so they can be unticked
    const chosen = activities.filter((a) => activityIds.includes(a.activityId));
    const rest = found.filter((a) => !activityIds.includes(a.activityId));
    return [...chosen, ...rest].slice(0, MAX_LISTED_ACTIVITIES + chosen.length);
  }, [activities, query, activityIds]);

  function toggle(activityId: string, checked: boolean) {
    setActivityIds((current) =>
      checked ? [...current, activityId] : current.filter((id) => id !== activityId),
    );
  }

  async function save() {
    const body = { title, assigneeId, due: due || null, activityIds };
    onSaved(
      task
        ? await api.updateTask(task.id, body)
        : await api.createTask(networkId, {
            ...body,
            status: "open",
            ...(prefill?.fromThreadId ? { fromThreadId: prefill.fromThreadId } : {}),
          }),
    );
  }

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={task ? t("dialog.editTitle") : t("dialog.newTitle")}
      description={
        task
          ? t("dialog.editDescription", { status: t(TASK_STATUS_KEYS[task.status]) })
          : t("dialog.newDescription")
      }
      submitLabel={task ? t("dialog.save") : t("dialog.create")}
      onSubmit={save}
    >
      <Field label={t("dialog.title")}>
        <input
          className="input"
          required
          maxLength={300}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </Field>
      <div className="task-form-row">
        <Field
          label={t("dialog.assignee")}
          error={members.status === "error" ? t("dialog.couldNotLoadMembers") : null}
        >
          <select
            className="select"
            required
            value={assigneeId}
            onChange={(event) => setAssigneeId(event.target.value)}
          >
            <option value="" disabled>
              {members.status === "loading" ? t("dialog.loadingMembers") : t("dialog.chooseMember")}
            </option>
            {people.map((member) => (
              <option key={member.userId} value={member.userId}>
                {member.name} ({member.organisationAcronym || member.organisationName})
              </option>
            ))}
          </select>
        </Field>
        <Field label={t("dialog.due")}>
          <input
            className="input input-date"
            type="date"
            value={due}
            onChange={(event) => setDue(event.target.value)}
          />
        </Field>
      </div>
      <fieldset className="task-activity-picker">
        <legend className="field-label">
          {t("activities")} <span className="muted small">{t("dialog.optional")}</span>
        </legend>
        {activities.length === 0 ? (
          <Notice tone="info">{t("dialog.noActivities")}</Notice>
        ) : (
          <>
            <input
              className="input"
              type="search"
              placeholder={t("dialog.searchPlaceholder")}
              aria-label={t("dialog.searchLabel")}
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
            <ul className="task-activity-options">
              {matching.map((activity) => (
                <li key={activity.activityId}>
                  <label className="task-activity-option">
                    <input
                      type="checkbox"
                      checked={activityIds.includes(activity.activityId)}
                      onChange={(event) => toggle(activity.activityId, event.target.checked)}
                    />
                    <span>
                      <span dir="auto">{activity.title || t("untitledActivity")}</span>
                      <span className="muted small block" dir="auto">
                        {activity.workplanTitle}
                      </span>
                    </span>
                  </label>
                </li>
              ))}
              {matching.length === 0 ? (
                <li className="muted small">{t("dialog.noMatch", { query })}</li>
              ) : null}
            </ul>
          </>
        )}
      </fieldset>
    </FormDialog>
  );
}
