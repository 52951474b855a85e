import type { OwnerView } from "@junction/domain";
import type { ActivityAttributes } from "@junction/domain/doc";
import { memo } from "react";
import { possibleDuplicates, WarningIcon } from "../features/warnings";
import { formatMonth, STATUS_LABELS } from "./activity-fields";
import { useCommentCount, useEditorContext } from "./editor-context";
import { Icon } from "./icons";
import { initials } from "./presence";

type Props = {
  fields: ActivityAttributes;
  title: string;
  owners: readonly OwnerView[];
  openWarnings: number;
  /** Element ids of the warnings callout and the details, which the header's buttons control. */
  controls: { warnings: string; details: string };
  expanded: boolean;
  onShowWarnings: () => void;
  onEditOwners: () => void;
  onRemove: () => void;
};

/** A card's header: lead, status, timeframe, owners, warnings, and what the person may do. */
export function ActivityCardHeader({
  fields,
  title,
  owners,
  openWarnings,
  controls,
  expanded,
  onShowWarnings,
  onEditOwners,
  onRemove,
}: Props) {
  const context = useEditorContext();
  const { canEdit } = context;
  const { id, lead, status } = fields;
  const start = fields.start ?? "";
  const end = fields.end ?? "";
  const timeframe =
    start || end ? `${formatMonth(start) || "…"} – ${formatMonth(end) || "…"}` : "No timeframe";
  const name = title || "untitled";
  const toggleText = expanded ? "Hide details" : canEdit ? "Edit details" : "Show details";
  return (
    <header className="activity-card-header" contentEditable={false}>
      <span className="activity-eyebrow">Activity</span>
      {lead ? (
        <span
          className="activity-lead"
          title={context.organisations.find((o) => o.id === lead)?.name}
        >
          {context.organisationLabel(lead)}
        </span>
      ) : null}
      <span className={`badge badge-status-${status}`}>{STATUS_LABELS[status]}</span>
      <span className="activity-timeframe">{timeframe}</span>
      <OwnerList owners={owners} />
      <WarningMarker count={openWarnings} controls={controls.warnings} onShow={onShowWarnings} />
      <span className="activity-header-actions">
        <CommentCount activityId={id} />
        {context.canSetOwners && id ? (
          <button
            type="button"
            className="activity-icon-button"
            aria-haspopup="dialog"
            aria-label={`Owners of activity ${name}`}
            onClick={onEditOwners}
          >
            Owners
          </button>
        ) : null}
        {context.canComment && id ? (
          <button
            type="button"
            className="activity-icon-button"
            aria-label={`Comment on activity ${name}`}
            onClick={() => context.actions.commentOnActivity(id, title)}
          >
            Comment
          </button>
        ) : null}
        <button
          type="button"
          className="activity-icon-button activity-toggle"
          aria-expanded={expanded}
          aria-controls={controls.details}
          aria-label={`${toggleText} of activity ${name}`}
          onClick={() => context.live.expanded.set(id, !expanded || undefined)}
        >
          {toggleText}
        </button>
        {canEdit ? (
          <button
            type="button"
            className="activity-icon-button activity-remove"
            aria-label={`Remove activity ${name}`}
            title="Remove this activity for everyone (you can undo it)"
            onClick={onRemove}
          >
            Remove
          </button>
        ) : null}
      </span>
    </header>
  );
}

const OwnerList = memo(function OwnerList({ owners }: { owners: readonly OwnerView[] }) {
  if (owners.length === 0) return null;
  return (
    <ul className="activity-owners" aria-label="Owners">
      {owners.map((owner) => (
        <li
          key={owner.userId}
          className="activity-owner"
          title={`${owner.name} · ${owner.organisation}`}
        >
          <span className="activity-owner-initials" aria-hidden="true">
            {initials(owner.name)}
          </span>
          <span className="visually-hidden">
            {owner.name} ({owner.organisation})
          </span>
        </li>
      ))}
    </ul>
  );
});

function WarningMarker({
  count,
  controls,
  onShow,
}: {
  count: number;
  controls: string;
  onShow: () => void;
}) {
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="warning-marker"
      aria-label={possibleDuplicates(count)}
      aria-controls={controls}
      title={`${possibleDuplicates(count)}: show why`}
      onClick={onShow}
    >
      <WarningIcon />
      <span aria-hidden="true">{count}</span>
    </button>
  );
}

function CommentCount({ activityId }: { activityId: string }) {
  const context = useEditorContext();
  const count = useCommentCount(activityId);
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="comment-count"
      aria-label={`${count} open ${count === 1 ? "comment" : "comments"}: show`}
      title="Show the comments on this activity"
      onClick={() => context.actions.showActivityComments(activityId)}
    >
      <Icon name="comment" />
      <span aria-hidden="true">{count}</span>
    </button>
  );
}
