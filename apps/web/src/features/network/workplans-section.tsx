import { isWorkplanFrozen, type WorkplanView } from "@junction/domain";
import { useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { usePermissions } from "../../app/permissions";
import { Link, navigate } from "../../app/router";
import { useServerEvent } from "../../app/session";
import { useFormat, useT } from "../../i18n";
import { StageBadge } from "../../ui/badges";
import { FormDialog } from "../../ui/dialog";
import { Field } from "../../ui/field";
import { EmptyState, ErrorState, LoadingState, Notice } from "../../ui/states";

type Editing = { kind: "create" } | { kind: "rename"; workplan: WorkplanView } | null;

export function WorkplansSection({ networkId }: { networkId: string }) {
  const t = useT("network");
  const tc = useT("common");
  const f = useFormat();
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
          <Link
            to={`/workplans/${encodeURIComponent(workplan.id)}`}
            className="list-row-title"
            dir="auto"
          >
            {workplan.title}
          </Link>
          <span className="muted small">
            {t("workplans.meta", {
              count: workplan.activityCount,
              updated: f.relative(workplan.updatedAt),
            })}
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
              aria-label={t("workplans.renameLabel", { title: workplan.title })}
            >
              {t("workplans.rename")}
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
              aria-label={t(
                workplan.archived ? "workplans.restoreLabel" : "workplans.archiveLabel",
                {
                  title: workplan.title,
                },
              )}
            >
              {workplan.archived ? t("workplans.restore") : t("workplans.archive")}
            </button>
          ) : null}
        </div>
      </li>
    );
  }

  return (
    <section className="section" aria-labelledby="workplans-title">
      <div className="section-header">
        <h2 id="workplans-title">{t("workplans.title")}</h2>
        {canCreate ? (
          <button
            type="button"
            className="button button-primary"
            onClick={() => {
              setTitle("");
              setEditing({ kind: "create" });
            }}
          >
            {t("workplans.new")}
          </button>
        ) : null}
      </div>
      {error ? (
        <Notice tone="error" onDismiss={() => setError(null)}>
          {error}
        </Notice>
      ) : null}
      {workplans.status === "loading" ? <LoadingState label={t("workplans.loading")} /> : null}
      {workplans.status === "error" ? (
        <ErrorState error={workplans.error} onRetry={workplans.reload} />
      ) : null}
      {workplans.status === "ready" && active.length === 0 ? (
        <EmptyState title={t("workplans.empty.title")}>
          <p className="muted">
            {canCreate ? t("workplans.empty.canCreate") : t("workplans.empty.member")}
          </p>
        </EmptyState>
      ) : null}
      {active.length > 0 ? <ul className="list card">{active.map(row)}</ul> : null}
      {archived.length > 0 ? (
        <details className="archived">
          <summary>{t("workplans.archived", { count: archived.length })}</summary>
          <ul className="list card">{archived.map(row)}</ul>
        </details>
      ) : null}

      <FormDialog
        open={archiving !== null}
        onClose={() => setArchiving(null)}
        title={t("workplans.archiveDialog.title", { title: archiving?.title ?? "" })}
        description={<p>{t("workplans.archiveDialog.body")}</p>}
        submitLabel={t("workplans.archiveDialog.submit")}
        tone="danger"
        onSubmit={async () => {
          if (!archiving) return;
          replace(await api.updateWorkplan(archiving.id, { archived: true }));
        }}
      />

      <FormDialog
        open={editing !== null}
        onClose={() => setEditing(null)}
        title={editing?.kind === "rename" ? t("workplans.renameDialog") : t("workplans.new")}
        description={editing?.kind === "create" ? t("workplans.newDialog.description") : undefined}
        submitLabel={editing?.kind === "rename" ? tc("save") : t("workplans.newDialog.submit")}
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
        <Field label={t("workplans.field.title")} hint={t("workplans.field.titleHint")}>
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
