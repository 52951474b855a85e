import type { TaskView, WarningSide, WarningView } from "@junction/domain";
import { type FormEvent, useEffect, useMemo, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { Dialog } from "../../ui/dialog";
import { Field } from "../../ui/field";
import { ErrorState, LoadingState, Notice } from "../../ui/states";
import { useNetworkMembers } from "./use-members";
import { assigneesFor, coordinationTaskTitle, dayAfter, truncate } from "./warning-logic";

const DEFAULT_DUE_IN_DAYS = 14;

type CoordinateTaskDialogProps = {
  /** The warning to coordinate; the dialog is open while it is set. */
  warning: WarningView | null;
  onClose: () => void;
  onCreated: (tasks: TaskView[]) => void;
};

/** Offers one task per lead organisation after a coordinator chose "Coordinate". */
export function CoordinateTaskDialog({ warning, onClose, onCreated }: CoordinateTaskDialogProps) {
  return (
    <Dialog
      open={warning !== null}
      onClose={onClose}
      title="Create coordination tasks"
      description="Ask someone at each lead organisation to agree who does what."
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
  const { members, status, error: membersError, reload } = useNetworkMembers(warning.networkId);
  const sides = useMemo(() => leadSides(warning), [warning]);
  const [title, setTitle] = useState(() => coordinationTaskTitle(warning));
  const [due, setDue] = useState(() => dayAfter(new Date(), DEFAULT_DUE_IN_DAYS));
  const [assignees, setAssignees] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  // once members arrive, suggest the first eligible person of each lead organisation
  useEffect(() => {
    if (status !== "ready") return;
    setAssignees((current) => {
      const missing = sides.filter((side) => current[side.leadId ?? ""] === undefined);
      if (missing.length === 0) return current;
      const next = { ...current };
      for (const side of missing)
        next[side.leadId ?? ""] = assigneesFor(side, members)[0]?.userId ?? "";
      return next;
    });
  }, [status, members, sides]);

  const chosen = sides.flatMap((side) => {
    const assigneeId = assignees[side.leadId ?? ""];
    return assigneeId ? [assigneeId] : [];
  });
  const unique = [...new Set(chosen)];

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

  if (status === "loading") return <LoadingState label="Loading members…" />;
  if (status === "error") {
    return <ErrorState title="Could not load the members" error={membersError} onRetry={reload} />;
  }

  return (
    <form className="stack" onSubmit={(event) => void handleSubmit(event)}>
      <Field label="Task">
        <input
          className="input"
          required
          maxLength={300}
          value={title}
          onChange={(event) => setTitle(event.target.value)}
        />
      </Field>
      {sides.length === 0 ? (
        <Notice tone="info">
          Neither activity has a lead organisation yet, so there is nobody to assign.
        </Notice>
      ) : null}
      {sides.map((side) => {
        const key = side.leadId ?? "";
        const lead = side.lead ?? key;
        const options = assigneesFor(side, members);
        return options.length > 0 ? (
          <Field
            key={key}
            label={`Assignee at ${lead}`}
            hint={`Leads “${truncate(side.title, 70)}”`}
          >
            <select
              className="select"
              value={assignees[key] ?? ""}
              onChange={(event) =>
                setAssignees((current) => ({ ...current, [key]: event.target.value }))
              }
            >
              {options.map((member) => (
                <option key={member.userId} value={member.userId}>
                  {member.name}
                </option>
              ))}
              <option value="">No task for {lead}</option>
            </select>
          </Field>
        ) : (
          <p key={key} className="coordinate-missing muted small">
            Nobody from {lead} can take a task here yet: invite an editor from {lead} on the Members
            page.
          </p>
        );
      })}
      <Field label="Due">
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
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          Not now
        </button>
        <button type="submit" className="button button-primary" disabled={busy || !unique.length}>
          {busy ? "Working…" : unique.length > 1 ? `Create ${unique.length} tasks` : "Create task"}
        </button>
      </div>
    </form>
  );
}
