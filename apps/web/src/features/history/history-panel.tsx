import type { VersionView } from "@junction/domain";
import { type FormEvent, useId, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useFormat, useT } from "../../i18n";
import { FormDialog } from "../../ui/dialog";
import { EmptyState, ErrorState, LoadingState, Notice } from "../../ui/states";
import { type Comparison, DiffDialog } from "./diff-view";
import { frozenHistoryReason } from "./history-logic";
import { useVersions } from "./use-versions";
import "./history.css";

const CURRENT = "current";

type Props = {
  workplan: { id: string; title: string };
  /** Why the document takes no change ("adopted", "archived"), or null. */
  frozen: "adopted" | "archived" | null;
  /** Editors and coordinators save versions. */
  canSave: boolean;
  /** Coordinators restore. */
  canRestore: boolean;
  onShowActivity: (activityId: string) => void;
};

/** The workplan's versions: save one, compare any two (or one with now), restore one. */
export function HistoryPanel({ workplan, frozen, canSave, canRestore, onShowActivity }: Props) {
  const t = useT("history");
  const tc = useT("common");
  const f = useFormat();
  const versions = useVersions(workplan.id);
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [restoring, setRestoring] = useState<VersionView | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const headingId = useId();
  const frozenReason = frozenHistoryReason(t, frozen);
  const list = versions.data ?? [];

  return (
    <section className="panel-section lifecycle-panel history-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {t("panel.title")} <span className="panel-count">{list.length}</span>
      </h2>
      {canSave ? (
        frozenReason ? (
          <p className="muted small">{frozenReason}</p>
        ) : (
          <SaveVersionForm workplanId={workplan.id} onSaved={versions.reload} />
        )
      ) : null}
      {restored ? (
        <Notice tone="success" onDismiss={() => setRestored(null)}>
          {restored}
        </Notice>
      ) : null}
      {list.length >= 1 ? <CompareForm versions={list} onCompare={setComparison} /> : null}
      {versions.status === "loading" ? <LoadingState label={t("panel.loading")} /> : null}
      {versions.status === "error" ? (
        <ErrorState error={versions.error} onRetry={versions.reload} />
      ) : null}
      {versions.status === "ready" && list.length === 0 ? (
        <EmptyState title={t("panel.empty")}>
          <p className="muted small">{t("panel.emptyBody")}</p>
        </EmptyState>
      ) : null}
      {list.length > 0 ? (
        <ol className="version-list">
          {list.map((version) => (
            <li key={version.id} className="version-row">
              <div className="version-row-head">
                <span className="version-name" dir="auto">
                  {version.name}
                </span>
                <span className={`tag version-kind version-kind-${version.kind}`}>
                  {t(`kind.${version.kind}`)}
                </span>
              </div>
              <p className="muted small">
                {version.createdByName
                  ? t("version.meta", {
                      date: f.dateTime(version.createdAt),
                      author: version.createdByName,
                      stage: tc(`stage.${version.stage}`),
                    })
                  : t("version.metaNoAuthor", {
                      date: f.dateTime(version.createdAt),
                      stage: tc(`stage.${version.stage}`),
                    })}
              </p>
              <div className="row-actions">
                <button
                  type="button"
                  className="button button-secondary button-small"
                  onClick={() => setComparison({ from: version.id, to: CURRENT })}
                  aria-label={t("version.compareNowLabel", { name: version.name })}
                >
                  {t("version.compareNow")}
                </button>
                {canRestore ? (
                  <button
                    type="button"
                    className="button button-ghost button-small"
                    disabled={frozenReason !== null}
                    title={frozenReason ?? undefined}
                    onClick={() => setRestoring(version)}
                    aria-label={t("version.restoreLabel", { name: version.name })}
                  >
                    {t("version.restore")}
                  </button>
                ) : null}
              </div>
            </li>
          ))}
        </ol>
      ) : null}
      <DiffDialog
        workplanId={workplan.id}
        comparison={comparison}
        onClose={() => setComparison(null)}
        onShowActivity={onShowActivity}
      />
      <RestoreDialog
        workplanId={workplan.id}
        version={restoring}
        onClose={() => setRestoring(null)}
        onRestored={(message) => {
          setRestored(message);
          versions.reload();
        }}
      />
    </section>
  );
}

function SaveVersionForm({ workplanId, onSaved }: { workplanId: string; onSaved: () => void }) {
  const t = useT("history");
  const [name, setName] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const inputId = useId();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim() === "") {
      setError(new Error(t("save.nameMissing")));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.saveVersion(workplanId, name.trim());
      setName("");
      onSaved();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="save-version" onSubmit={(event) => void submit(event)}>
      <label htmlFor={inputId} className="field-label">
        {t("save.label")}
      </label>
      <div className="inline-form">
        <input
          id={inputId}
          className="input"
          maxLength={200}
          dir="auto"
          placeholder={t("save.placeholder")}
          value={name}
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {t("save.submit")}
        </button>
      </div>
      {error ? <Notice tone="error">{describeError(error)}</Notice> : null}
    </form>
  );
}

function CompareForm({
  versions,
  onCompare,
}: {
  versions: readonly VersionView[];
  onCompare: (comparison: Comparison) => void;
}) {
  const t = useT("history");
  const f = useFormat();
  const [from, setFrom] = useState<string>("");
  const [to, setTo] = useState<string>(CURRENT);
  const fromId = useId();
  const toId = useId();
  const fromValue = from || versions[0]?.id || "";
  const options = (
    <>
      {versions.map((version) => (
        <option key={version.id} value={version.id}>
          {t("compare.option", { name: version.name, date: f.dateTime(version.createdAt) })}
        </option>
      ))}
    </>
  );
  return (
    <form
      className="compare-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (fromValue) onCompare({ from: fromValue, to });
      }}
    >
      <div className="compare-fields">
        <label htmlFor={fromId} className="field-label">
          {t("compare.from")}
        </label>
        <select
          id={fromId}
          className="select select-compact"
          value={fromValue}
          onChange={(event) => setFrom(event.target.value)}
        >
          {options}
        </select>
        <label htmlFor={toId} className="field-label">
          {t("compare.to")}
        </label>
        <select
          id={toId}
          className="select select-compact"
          value={to}
          onChange={(event) => setTo(event.target.value)}
        >
          <option value={CURRENT}>{t("compare.now")}</option>
          {options}
        </select>
      </div>
      <button type="submit" className="button button-secondary button-small">
        {t("compare.submit")}
      </button>
    </form>
  );
}

function RestoreDialog({
  workplanId,
  version,
  onClose,
  onRestored,
}: {
  workplanId: string;
  version: VersionView | null;
  onClose: () => void;
  onRestored: (message: string) => void;
}) {
  const t = useT("history");
  const [keepCurrent, setKeepCurrent] = useState(true);
  const checkboxId = useId();
  return (
    <FormDialog
      open={version !== null}
      onClose={onClose}
      title={version ? t("restore.title", { name: version.name }) : t("restore.titleNone")}
      description={t("restore.description")}
      submitLabel={t("restore.submit")}
      tone="danger"
      onSubmit={async () => {
        if (!version) return;
        if (keepCurrent) {
          await api.saveVersion(workplanId, t("restore.beforeName", { name: version.name }));
        }
        const result = await api.restoreVersion(workplanId, version.id);
        onRestored(
          result.changed
            ? t("restore.done", { name: version.name })
            : t("restore.unchanged", { name: version.name }),
        );
      }}
    >
      <label className="checkbox" htmlFor={checkboxId}>
        <input
          id={checkboxId}
          type="checkbox"
          checked={keepCurrent}
          onChange={(event) => setKeepCurrent(event.target.checked)}
        />
        {t("restore.keepCurrent")}
      </label>
    </FormDialog>
  );
}
