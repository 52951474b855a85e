import type { ChangeAuthor, WorkplanDiff } from "@junction/domain";
import { api } from "../../api/client";
import { useResource } from "../../api/use-resource";
import { formatCount, formatDateTime } from "../../lib/format";
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
  return (
    <Dialog open={comparison !== null} title="What changed" onClose={onClose} size="wide">
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
          Close
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
  const diff = useResource(
    () => api.diff(workplanId, comparison.from, comparison.to),
    `${workplanId}:${comparison.from}:${comparison.to}`,
  );
  if (diff.status === "loading") return <LoadingState label="Comparing…" />;
  if (diff.status === "error") {
    return <ErrorState title="Could not compare" error={diff.error} onRetry={diff.reload} />;
  }
  return <DiffView diff={diff.data} onShowActivity={onShowActivity} />;
}

function sideLabel(side: WorkplanDiff["from"]): string {
  return side.createdAt
    ? `“${side.name}” (${formatDateTime(side.createdAt)})`
    : "the document as it is now";
}

/** The narrative's changed passages and each activity's changed fields, attributed where known. */
export function DiffView({
  diff,
  onShowActivity,
}: {
  diff: WorkplanDiff;
  onShowActivity?: (activityId: string) => void;
}) {
  const passages = narrativePassages(diff.narrative);
  const { added, removed, changed, addedBy, titles } = diff.activities;
  const title = (id: string) => titles[id] || "Untitled activity";
  const nothing = passages.length === 0 && added.length + removed.length + changed.length === 0;

  return (
    <div className="diff">
      <p className="diff-sides">
        From {sideLabel(diff.from)} to {sideLabel(diff.to)}
      </p>
      {nothing ? (
        <p className="diff-empty" role="status">
          No differences: the two are the same.
        </p>
      ) : (
        <p className="muted small" role="status">
          {[
            formatCount(passages.length, "passage"),
            `${formatCount(added.length, "activity", "activities")} added`,
            `${removed.length} removed`,
            `${changed.length} changed`,
          ].join(" · ")}
        </p>
      )}

      {passages.length > 0 ? (
        <section className="diff-section" aria-labelledby="diff-narrative">
          <h3 id="diff-narrative">Narrative</h3>
          <ol className="diff-passages">
            {passages.map((passage, index) => (
              // passages have no identity of their own: their order is the document's
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <li key={index} className={`diff-passage diff-passage-${passage.kind}`}>
                <span className="diff-passage-kind">{PASSAGE_LABELS[passage.kind]}</span>
                <p className="diff-text">
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
          <h3 id="diff-activities">Activities</h3>
          <ul className="diff-activities">
            {added.map((id) => (
              <li key={`added-${id}`} className="diff-activity diff-activity-added">
                <ActivityHead
                  kind="Added"
                  title={title(id)}
                  id={id}
                  onShow={diff.to.id === "current" ? onShowActivity : undefined}
                />
                <Authors authors={addedBy[id] ?? []} />
              </li>
            ))}
            {removed.map((id) => (
              <li key={`removed-${id}`} className="diff-activity diff-activity-removed">
                <ActivityHead kind="Removed" title={title(id)} id={id} />
              </li>
            ))}
            {changed.map((change) => (
              <li key={`changed-${change.id}`} className="diff-activity">
                <ActivityHead
                  kind="Changed"
                  title={title(change.id)}
                  id={change.id}
                  onShow={diff.to.id === "current" ? onShowActivity : undefined}
                />
                <FieldTable rows={fieldRows(change, diff.organisations)} />
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

const PASSAGE_LABELS = { added: "Added", removed: "Removed", edited: "Edited" } as const;

function Segments({ segments }: { segments: readonly Segment[] }) {
  return (
    <>
      {segments.map((segment, index) => {
        // segments are positional: the same text may occur twice in a passage
        const key = index;
        if (segment.mark === "added") {
          return (
            <ins key={key}>
              <span className="visually-hidden">[added: </span>
              {segment.text}
              <span className="visually-hidden">]</span>
            </ins>
          );
        }
        if (segment.mark === "removed") {
          return (
            <del key={key}>
              <span className="visually-hidden">[removed: </span>
              {segment.text}
              <span className="visually-hidden">]</span>
            </del>
          );
        }
        return <span key={key}>{segment.text}</span>;
      })}
    </>
  );
}

function Authors({ authors }: { authors: readonly ChangeAuthor[] }) {
  if (authors.length === 0) return null;
  return <p className="diff-authors">By {formatAuthors(authors)}</p>;
}

function ActivityHead({
  kind,
  title,
  id,
  onShow,
}: {
  kind: string;
  title: string;
  id: string;
  onShow?: ((activityId: string) => void) | undefined;
}) {
  return (
    <div className="diff-activity-head">
      <span className={`tag diff-tag diff-tag-${kind.toLowerCase()}`}>{kind}</span>
      <span className="diff-activity-title">{title}</span>
      {onShow ? (
        <button
          type="button"
          className="button button-ghost button-small"
          onClick={() => onShow(id)}
          aria-label={`Show “${title}” in the document`}
        >
          Show
        </button>
      ) : null}
    </div>
  );
}

function FieldTable({ rows }: { rows: readonly FieldRow[] }) {
  return (
    <table className="diff-fields">
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.field}>
            <th scope="row">
              {row.label}
              {row.authors.length > 0 ? (
                <span className="diff-authors">by {formatAuthors(row.authors)}</span>
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
  switch (row.kind) {
    case "text":
      return (
        <td colSpan={2} className="diff-text">
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
                  <span className="visually-hidden">[removed: </span>
                  {item}
                  <span className="visually-hidden">]</span>
                </del>
              </li>
            ))}
            {row.added.map((item) => (
              <li key={`+${item}`}>
                <ins>
                  <span className="visually-hidden">[added: </span>
                  {item}
                  <span className="visually-hidden">]</span>
                </ins>
              </li>
            ))}
            {row.added.length + row.removed.length === 0 ? (
              <li className="muted">Reordered or edited in place</li>
            ) : null}
          </ul>
        </td>
      );
    case "value":
      return (
        <>
          <td>{row.from === NONE ? <span className="muted">none</span> : <del>{row.from}</del>}</td>
          <td>{row.to === NONE ? <span className="muted">none</span> : <ins>{row.to}</ins>}</td>
        </>
      );
  }
}
