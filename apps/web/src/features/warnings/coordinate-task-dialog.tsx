import type { TaskStatus, TaskView, WarningSide, WarningView } from "@junction/domain";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { type MessageKey, useFormat, useT } from "../../i18n";
import { Dialog } from "../../ui/dialog";
import { Field } from "../../ui/field";
import { ErrorState, LoadingState, Notice } from "../../ui/states";
import { useNetworkMembers } from "./use-members";
import { assigneesFor, coordinationTaskTitle, dayAfter, truncate } from "./warning-logic";

const DEFAULT_DUE_IN_DAYS = 14;
const TASK_STATUS_KEYS: Record<TaskStatus, MessageKey<"warnings">> = {
  open: "task.status.open",
  "in-progress": "task.status.in-progress",
  done: "task.status.done",
  cancelled: "task.status.cancelled",
};

type CoordinateTaskDialogProps = {
  /** The warning to coordinate; the dialog is open while it is set. */
  warning: WarningView | null;
  onClose: () => void;
  onCreated: (tasks: TaskView[]) => void;
};

/** Offers one task per lead organisation after a coordinator chose "Coordinate". */
export function CoordinateTaskDialog({ warning, onClose, onCreated }: CoordinateTaskDialogProps) {
  const t = useT("warnings");
  return (
    <Dialog
      open={warning !== null}
      onClose={onClose}
      title={t("task.dialogTitle")}
      description={t("task.dialogDescription")}
    >
      {warning ? (
        <CoordinateTaskForm warning={warning} onClose={onClose} onCreated={onCreated} />
      ) : null}
    </Dialog>
  );
}

function leadSides(warning: WarningView): WarningSide[] {
  const sides = [warning.a, warning.b].filter((side) => side.leadId !== null);
  return sides.filter((side, index) => sides.findIndex((s) => s.leadId === side.leadId) === index);
}

function CoordinateTaskForm({
  warning,
  onClose,
  onCreated,
}: {
  warning: WarningView;
  onClose: () => void;
  onCreated: (tasks: TaskView[]) => void;
}) {
  const t = useT("warnings");
  const tc = useT("common");
  const f = useFormat();
  const { members, status, error: membersError, reload } = useNetworkMembers(warning.networkId);
  // tasks already made from this warning: offered again, the same people would get them twice
  const tasks = useResource(() => api.tasks(warning.networkId), `tasks:${warning.networkId}`);
  const existing = (tasks.data ?? []).filter(
    (task) => task.fromWarningId === warning.id && task.status !== "cancelled",
  );
  const hasTask = (userId: string) => existing.some((task) => task.assigneeId === userId);
  const sides = useMemo(() => leadSides(warning), [warning]);
  const [title, setTitle] = useState(() => coordinationTaskTitle(warning, t));
  const [due, setDue] = useState(() => dayAfter(new Date(), DEFAULT_DUE_IN_DAYS));
  const [assignees, setAssignees] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // once members arrive, suggest the first eligible person of each lead organisation
  const tasksReady = tasks.status !== "loading";
  const existingKey = existing.map((task) => task.assigneeId ?? "").join(",");
  useEffect(() => {
    if (status !== "ready" || !tasksReady) return;
    const taken = new Set(existingKey.split(","));
    setAssignees((current) => {
      const missing = sides.filter((side) => current[side.leadId ?? ""] === undefined);
      if (missing.length === 0) return current;
      const next = { ...current };
      for (const side of missing) {
        const options = assigneesFor(side, members);
        // a lead organisation that already has a task from this warning gets none by default
        const covered = options.some((member) => taken.has(member.userId));
        next[side.leadId ?? ""] = covered ? "" : (options[0]?.userId ?? "");
      }
      return next;
    });
  }, [status, tasksReady, existingKey, members, sides]);

  const chosen = sides.flatMap((side) => {
    const assigneeId = assignees[side.leadId ?? ""];
    return assigneeId ? [assigneeId] : [];
  });
  const unique = [...new Set(chosen)].filter((userId) => !hasTask(userId));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const tasks = await Promise.all(
        unique.map((assigneeId) =>
          api.createTask(warning.networkId, { title, assigneeId, due, fromWarningId: warning.id }),
        ),
      );
      onCreated(tasks);
      onClose();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  }

  if (status === "loading" || !tasksReady) return <LoadingState label={t("task.loadingMembers")} />;
  if (status === "error") {
    return (
      <ErrorState title={t("task.couldNotLoadMembers")} error={membersError} onRetry={reload} />
    );
  }

  return (
    <form className="stack" onSubmit={(event) => void handleSubmit(event)}>
      <Field label={t("task.title")}>
        <input
          className="input"
          required
          maxLength={300}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </Field>
      {existing.length > 0 ? (
        <Notice tone="info">
          <span className="coordinate-existing">
            {t("task.existing", {
              tasks: existing
                .map((task) => {
                  const values = {
                    title: truncate(task.title, 60),
                    assignee: task.assigneeName ?? t("task.nobodyYet"),
                    status: t(TASK_STATUS_KEYS[task.status]),
                  };
                  return task.due
                    ? t("task.existingItemDue", { ...values, due: f.calendarDate(task.due) })
                    : t("task.existingItem", values);
                })
                .join(t("task.existingSeparator")),
            })}
          </span>
        </Notice>
      ) : null}
      {sides.length === 0 ? <Notice tone="info">{t("task.noLeads")}</Notice> : null}
      {sides.map((side) => {
        const key = side.leadId ?? "";
        const lead = side.lead ?? key;
        const options = assigneesFor(side, members);
        return options.length > 0 ? (
          <Field
            key={key}
            label={t("task.assigneeAt", { organisation: lead })}
            hint={t("task.leads", { title: truncate(side.title, 70) })}
          >
            <select
              className="select"
              value={assignees[key] ?? ""}
              onChange={(event) =>
                setAssignees((current) => ({ ...current, [key]: event.target.value }))
              }
            >
              {options.map((member) => (
                <option key={member.userId} value={member.userId} disabled={hasTask(member.userId)}>
                  {member.name}
                  {hasTask(member.userId) ? ` ${t("task.hasTask")}` : ""}
                </option>
              ))}
              <option value="">{t("task.noTaskFor", { organisation: lead })}</option>
            </select>
          </Field>
        ) : (
          <p key={key} className="coordinate-missing muted small">
            {t("task.nobodyFrom", { organisation: lead })}
          </p>
        );
      })}
      <Field label={t("task.due")}>
        <input
          className="input input-date"
          type="date"
          required
          min={dayAfter(new Date(), 0)}
          value={due}
          onChange={(event) => setDue(event.target.value)}
        />
      </Field>
      {error ? <Notice tone="error">{describeError(error)}</Notice> : null}
      {existing.length > 0 && unique.length === 0 ? (
        <p className="muted small">{t("task.nothingNew")}</p>
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          {t("task.notNow")}
        </button>
        <button type="submit" className="button button-primary" disabled={busy || !unique.length}>
          {busy ? tc("working") : t("task.create", { count: unique.length })}
        </button>
      </div>
    </form>
  );
}
