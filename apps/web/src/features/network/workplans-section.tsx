import { isWorkplanFrozen, type WorkplanView } from "@junction/domain";
import { useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { usePermissions } from "../../app/permissions";
import { Link, navigate } from "../../app/router";
import { useServerEvent } from "../../app/session";
import { formatCount, formatRelative } from "../../lib/format";
import { StageBadge } from "../../ui/badges";
import { FormDialog } from "../../ui/dialog";
import { Field } from "../../ui/field";
import { EmptyState, ErrorState, LoadingState, Notice } from "../../ui/states";

type Editing = { kind: "create" } | { kind: "rename"; workplan: WorkplanView } | null;

export function WorkplansSection({ networkId }: { networkId: string }) {
  const workplans = useResource(() => api.workplans(networkId), networkId);
  // a stage move or a new revision changes the list for everyone in the network
  useServerEvent("stage-changed", (event) => {
    if (event.networkId === networkId) workplans.reload();
  });
  useServerEvent("lifecycle-changed", (event) => {
    if (event.networkId === networkId && event.change === "revision") workplans.reload();
  });
  const { may } = usePermissions(networkId);
  const [editing, setEditing] = useState<Editing>(null);
  const [title, setTitle] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [archiving, setArchiving] = useState<WorkplanView | null>(null);

  const canCreate = may("workplan.create");
  const canRename = may("workplan.rename");
  const canArchive = may("workplan.archive");
  const all = workplans.data ?? [];
  const active = all.filter((w) => !w.archived);
  const archived = all.filter((w) => w.archived);

  function replace(updated: WorkplanView) {
    workplans.update((list) => list.map((w) => (w.id === updated.id ? updated : w)));
  }

  async function setArchived(workplan: WorkplanView, value: boolean) {
    setError(null);
    try {
      replace(await api.updateWorkplan(workplan.id, { archived: value }));
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  function row(workplan: WorkplanView) {
    return (
      <li key={workplan.id} className="list-row">
        <div className="list-row-main">
          <Link to={`/workplans/${encodeURIComponent(workplan.id)}`} className="list-row-title">
            {workplan.title}
          </Link>
          <span className="muted small">
            {formatCount(workplan.activityCount, "activity", "activities")} · updated{" "}
            {formatRelative(workplan.updatedAt)}
          </span>
        </div>
        <div className="list-row-aside">
          <StageBadge stage={workplan.stage} />
          {canRename && !isWorkplanFrozen(workplan) ? (
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => {
                setTitle(workplan.title);
                setEditing({ kind: "rename", workplan });
              }}
              aria-label={`Rename ${workplan.title}`}
            >
              Rename
            </button>
          ) : null}
          {canArchive ? (
            <button
              type="button"
              className="button button-ghost button-small"
              // archiving freezes the plan for everyone: asked first; restoring is not
              onClick={() =>
                workplan.archived ? void setArchived(workplan, false) : setArchiving(workplan)
              }
              aria-label={`${workplan.archived ? "Restore" : "Archive"} ${workplan.title}`}
            >
              {workplan.archived ? "Restore" : "Archive"}
            </button>
          ) : null}
        </div>
      </li>
    );
  }

  return (
    <section className="section" aria-labelledby="workplans-title">
      <div className="section-header">
        <h2 id="workplans-title">Workplans</h2>
        {canCreate ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setTitle("");
              setEditing({ kind: "create" });
            }}
          >
            New workplan
          </button>
        ) : null}
      </div>
      {error ? (
        <Notice tone="error" onDismiss={() => setError(null)}>
          {error}
        </Notice>
      ) : null}
      {workplans.status === "loading" ? <LoadingState label="Loading workplans…" /> : null}
      {workplans.status === "error" ? (
        <ErrorState error={workplans.error} onRetry={workplans.reload} />
      ) : null}
      {workplans.status === "ready" && active.length === 0 ? (
        <EmptyState title="No workplans yet">
          <p className="muted">
            {canCreate
              ? "Start the network's joint workplan with “New workplan”."
              : "A coordinator or editor will start the network's workplan."}
          </p>
        </EmptyState>
      ) : null}
      {active.length > 0 ? <ul className="list card">{active.map(row)}</ul> : null}
      {archived.length > 0 ? (
        <details className="archived">
          <summary>Archived ({archived.length})</summary>
          <ul className="list card">{archived.map(row)}</ul>
        </details>
      ) : null}

      <FormDialog
        open={archiving !== null}
        onClose={() => setArchiving(null)}
        title={`Archive ${archiving?.title ?? "workplan"}?`}
        description={
          <p>
            Nobody can change an archived workplan, its activities or its comments until a
            coordinator restores it. It stays readable under “Archived”.
          </p>
        }
        submitLabel="Archive workplan"
        tone="danger"
        onSubmit={async () => {
          if (!archiving) return;
          replace(await api.updateWorkplan(archiving.id, { archived: true }));
        }}
      />

      <FormDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.kind === "rename" ? "Rename workplan" : "New workplan"}
        description={
          editing?.kind === "create"
            ? "It starts as a draft. Members can co-edit it right away."
            : undefined
        }
        submitLabel={editing?.kind === "rename" ? "Save" : "Create workplan"}
        onSubmit={async () => {
          if (editing?.kind === "rename") {
            replace(await api.updateWorkplan(editing.workplan.id, { title }));
          } else {
            const created = await api.createWorkplan(networkId, title);
            workplans.update((list) => [created, ...list]);
            navigate(`/workplans/${encodeURIComponent(created.id)}`);
          }
        }}
      >
        <Field label="Title" hint="For example: Joint workplan 2025–2026">
          <input
            className="input"
            required
            maxLength={300}
            value={title}
            onChange={(event) => setTitle(event.target.value)}
          />
        </Field>
      </FormDialog>
    </section>
  );
}
