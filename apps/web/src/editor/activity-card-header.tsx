import type { OwnerView } from "@junction/domain";
import type { ActivityAttributes } from "@junction/domain/doc";
import { memo } from "react";
import { WarningIcon } from "../features/warnings";
import { useFormat, useT } from "../i18n";
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
  const t = useT("editor");
  const tc = useT("common");
  const f = useFormat();
  const context = useEditorContext();
  const { canEdit } = context;
  const { id, lead, status } = fields;
  const start = fields.start ?? "";
  const end = fields.end ?? "";
  const timeframe =
    start || end
      ? t("card.timeframe", { start: start ? f.month(start) : "…", end: end ? f.month(end) : "…" })
      : t("card.noTimeframe");
  const name = title || t("card.untitled");
  const toggle = expanded
    ? { text: t("card.hideDetails"), label: t("card.hideDetailsOf", { name }) }
    : canEdit
      ? { text: t("card.editDetails"), label: t("card.editDetailsOf", { name }) }
      : { text: t("card.showDetails"), label: t("card.showDetailsOf", { name }) };
  return (
    <header className="activity-card-header" contentEditable={false}>
      <span className="activity-eyebrow">{t("card.eyebrow")}</span>
      {lead ? (
        <span
          className="activity-lead"
          title={context.organisations.find((o) => o.id === lead)?.name}
        >
          {context.organisationLabel(lead)}
        </span>
      ) : null}
      <span className={`badge badge-status-${status}`}>{tc(`status.${status}`)}</span>
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
            aria-label={t("card.ownersOf", { name })}
            onClick={onEditOwners}
          >
            {t("card.owners")}
          </button>
        ) : null}
        {context.canComment && id ? (
          <button
            type="button"
            className="activity-icon-button"
            aria-label={t("card.commentOn", { name })}
            onClick={() => context.actions.commentOnActivity(id, title)}
          >
            {t("card.comment")}
          </button>
        ) : null}
        <button
          type="button"
          className="activity-icon-button activity-toggle"
          aria-expanded={expanded}
          aria-controls={controls.details}
          aria-label={toggle.label}
          onClick={() => context.live.expanded.set(id, !expanded || undefined)}
        >
          {toggle.text}
        </button>
        {canEdit ? (
          <button
            type="button"
            className="activity-icon-button activity-remove"
            aria-label={t("card.removeOf", { name })}
            title={t("card.removeTitle")}
            onClick={onRemove}
          >
            {t("card.remove")}
          </button>
        ) : null}
      </span>
    </header>
  );
}

const OwnerList = memo(function OwnerList({ owners }: { owners: readonly OwnerView[] }) {
  const t = useT("editor");
  if (owners.length === 0) return null;
  return (
    <ul className="activity-owners" aria-label={t("card.owners")}>
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
  const t = useT("editor");
  const tw = useT("warnings");
  if (count === 0) return null;
  const duplicates = tw("possibleDuplicates", { count });
  return (
    <button
      type="button"
      className="warning-marker"
      aria-label={duplicates}
      aria-controls={controls}
      title={t("card.showWhy", { warnings: duplicates })}
      onClick={onShow}
    >
      <WarningIcon />
      <span aria-hidden="true">{count}</span>
    </button>
  );
}

function CommentCount({ activityId }: { activityId: string }) {
  const t = useT("editor");
  const context = useEditorContext();
  const count = useCommentCount(activityId);
  if (count === 0) return null;
  return (
    <button
      type="button"
      className="comment-count"
      aria-label={t("card.commentCount", { count })}
      title={t("card.commentCountTitle")}
      onClick={() => context.actions.showActivityComments(activityId)}
    >
      <Icon name="comment" />
      <span aria-hidden="true">{count}</span>
    </button>
  );
}
