import type { ChangeAuthor, WorkplanDiff } from "@junction/domain";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { type Formatters, type Translate, useFormat, useT } from "../../i18n";
import { Dialog } from "../../ui/dialog";
import { ErrorState, LoadingState } from "../../ui/states";
import {
  type FieldRow,
  fieldRows,
  formatAuthors,
  narrativePassages,
  type Segment,
} from "./history-logic";

export type Comparison = { from: string; to: string };

type Props = {
  workplanId: string;
  comparison: Comparison | null;
  onClose: () => void;
  /** Jumps to an activity in the editor (the dialog closes first). */
  onShowActivity: (activityId: string) => void;
};

/** What changed between two versions (or a version and now), in a wide dialog. */
export function DiffDialog({ workplanId, comparison, onClose, onShowActivity }: Props) {
  const t = useT("history");
  const tc = useT("common");
  return (
    <Dialog open={comparison !== null} title={t("diff.title")} onClose={onClose} size="wide">
      {comparison ? (
        <DiffBody
          workplanId={workplanId}
          comparison={comparison}
          onShowActivity={(id) => {
            onClose();
            onShowActivity(id);
          }}
        />
      ) : null}
      <div className="dialog-actions">
        <button type="button" className="button button-secondary" onClick={onClose}>
          {tc("close")}
        </button>
      </div>
    </Dialog>
  );
}

function DiffBody({
  workplanId,
  comparison,
  onShowActivity,
}: {
  workplanId: string;
  comparison: Comparison;
  onShowActivity: (activityId: string) => void;
}) {
  const t = useT("history");
  const diff = useResource(
    () => api.diff(workplanId, comparison.from, comparison.to),
    `${workplanId}:${comparison.from}:${comparison.to}`,
  );
  if (diff.status === "loading") return <LoadingState label={t("diff.comparing")} />;
  if (diff.status === "error") {
    return (
      <ErrorState title={t("diff.couldNotCompare")} error={diff.error} onRetry={diff.reload} />
    );
  }
  return <DiffView diff={diff.data} onShowActivity={onShowActivity} />;
}

function sideLabel(t: Translate<"history">, f: Formatters, side: WorkplanDiff["from"]): string {
  return side.createdAt
    ? t("diff.sideVersion", { name: side.name, date: f.dateTime(side.createdAt) })
    : t("diff.sideNow");
}

/** The narrative's changed passages and each activity's changed fields, attributed where known. */
export function DiffView({
  diff,
  onShowActivity,
}: {
  diff: WorkplanDiff;
  onShowActivity?: (activityId: string) => void;
}) {
  const t = useT("history");
  const f = useFormat();
  const passages = narrativePassages(diff.narrative);
  const { added, removed, changed, addedBy, titles } = diff.activities;
  const title = (id: string) => titles[id] || t("diff.untitled");
  const nothing = passages.length === 0 && added.length + removed.length + changed.length === 0;

  return (
    <div className="diff">
      <p className="diff-sides">
        {t("diff.sides", { from: sideLabel(t, f, diff.from), to: sideLabel(t, f, diff.to) })}
      </p>
      {nothing ? (
        <p className="diff-empty" role="status">
          {t("diff.nothing")}
        </p>
      ) : (
        <p className="muted small" role="status">
          {[
            t("diff.passages", { count: passages.length }),
            t("diff.activitiesAdded", { count: added.length }),
            t("diff.removed", { count: removed.length }),
            t("diff.changed", { count: changed.length }),
          ].join(" · ")}
        </p>
      )}

      {passages.length > 0 ? (
        <section className="diff-section" aria-labelledby="diff-narrative">
          <h3 id="diff-narrative">{t("diff.narrative")}</h3>
          <ol className="diff-passages">
            {passages.map((passage, index) => (
              // passages have no identity of their own: their order is the document's
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index} className={`diff-passage diff-passage-${passage.kind}`}>
                <span className="diff-passage-kind">{t(`mark.${passage.kind}`)}</span>
                <p className="diff-text" dir="auto">
                  <Segments segments={passage.segments} />
                </p>
                <Authors authors={passage.authors} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {added.length + removed.length + changed.length > 0 ? (
        <section className="diff-section" aria-labelledby="diff-activities">
          <h3 id="diff-activities">{t("diff.activities")}</h3>
          <ul className="diff-activities">
            {added.map((id) => (
              <li key={`added-${id}`} className="diff-activity diff-activity-added">
                <ActivityHead
                  kind="added"
                  title={title(id)}
                  id={id}
                  onShow={diff.to.id === "current" ? onShowActivity : undefined}
                />
                <Authors authors={addedBy[id] ?? []} />
              </li>
            ))}
            {removed.map((id) => (
              <li key={`removed-${id}`} className="diff-activity diff-activity-removed">
                <ActivityHead kind="removed" title={title(id)} id={id} />
              </li>
            ))}
            {changed.map((change) => (
              <li key={`changed-${change.id}`} className="diff-activity">
                <ActivityHead
                  kind="changed"
                  title={title(change.id)}
                  id={change.id}
                  onShow={diff.to.id === "current" ? onShowActivity : undefined}
                />
                <FieldTable rows={fieldRows(t, change, diff.organisations)} />
                {Object.keys(change.fieldsChangedBy).length === 0 ? (
                  <Authors authors={change.changedBy} />
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

const NONE = "none";

function Segments({ segments }: { segments: readonly Segment[] }) {
  const t = useT("history");
  return (
    <>
      {segments.map((segment, index) => {
        // segments are positional: the same text may occur twice in a passage
        const key = index;
        if (segment.mark === "added") {
          return (
            <ins key={key}>
              <span className="visually-hidden">{t("sr.added")}</span>
              {segment.text}
              <span className="visually-hidden">{t("sr.end")}</span>
            </ins>
          );
        }
        if (segment.mark === "removed") {
          return (
            <del key={key}>
              <span className="visually-hidden">{t("sr.removed")}</span>
              {segment.text}
              <span className="visually-hidden">{t("sr.end")}</span>
            </del>
          );
        }
        return <span key={key}>{segment.text}</span>;
      })}
    </>
  );
}

function Authors({ authors }: { authors: readonly ChangeAuthor[] }) {
  const t = useT("history");
  if (authors.length === 0) return null;
  return <p className="diff-authors">{t("diff.by", { names: formatAuthors(authors) })}</p>;
}

function ActivityHead({
  kind,
  title,
  id,
  onShow,
}: {
  kind: "added" | "removed" | "changed";
  title: string;
  id: string;
  onShow?: ((activityId: string) => void) | undefined;
}) {
  const t = useT("history");
  return (
    <div className="diff-activity-head">
      <span className={`tag diff-tag diff-tag-${kind}`}>{t(`mark.${kind}`)}</span>
      <span className="diff-activity-title" dir="auto">
        {title}
      </span>
      {onShow ? (
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => onShow(id)}
          aria-label={t("diff.showLabel", { title })}
        >
          {t("diff.show")}
        </button>
      ) : null}
    </div>
  );
}

function FieldTable({ rows }: { rows: readonly FieldRow[] }) {
  const t = useT("history");
  return (
    <table className="diff-fields">
      <thead>
        <tr>
          <th scope="col">{t("table.field")}</th>
          <th scope="col">{t("table.before")}</th>
          <th scope="col">{t("table.after")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field}>
            <th scope="row">
              {row.label}
              {row.authors.length > 0 ? (
                <span className="diff-authors">
                  {t("diff.byLower", { names: formatAuthors(row.authors) })}
                </span>
              ) : null}
            </th>
            <FieldCells row={row} />
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function FieldCells({ row }: { row: FieldRow }) {
  const t = useT("history");
  switch (row.kind) {
    case "text":
      return (
        <td colSpan={2} className="diff-text" dir="auto">
          <Segments segments={row.segments} />
        </td>
      );
    case "list":
      return (
        <td colSpan={2}>
          <ul className="diff-list">
            {row.removed.map((item) => (
              <li key={`-${item}`}>
                <del>
                  <span className="visually-hidden">{t("sr.removed")}</span>
                  {item}
                  <span className="visually-hidden">{t("sr.end")}</span>
                </del>
              </li>
            ))}
            {row.added.map((item) => (
              <li key={`+${item}`}>
                <ins>
                  <span className="visually-hidden">{t("sr.added")}</span>
                  {item}
                  <span className="visually-hidden">{t("sr.end")}</span>
                </ins>
              </li>
            ))}
            {row.added.length + row.removed.length === 0 ? (
              <li className="muted">{t("diff.reordered")}</li>
            ) : null}
          </ul>
        </td>
      );
    case "value":
      return (
        <>
          <td>
            {row.from === NONE ? (
              <span className="muted">{t("diff.none")}</span>
            ) : (
              <del>{row.from}</del>
            )}
          </td>
          <td>
            {row.to === NONE ? (
              <span className="muted">{t("diff.none")}</span>
            ) : (
              <ins>{row.to}</ins>
            )}
          </td>
        </>
      );
  }
}
