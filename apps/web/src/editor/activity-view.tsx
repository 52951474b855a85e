import {
  type CommitmentRights,
  commitmentRights,
  GCM_OBJECTIVES,
  type OwnerView,
} from "@junction/domain";
import {
  type ActivityAttribute,
  type ActivityAttributes,
  readActivityAttributes,
} from "@junction/domain/doc";
import { NodeViewContent, type NodeViewProps, NodeViewWrapper } from "@tiptap/react";
import { memo, useEffect, useId, useMemo, useRef, useState } from "react";
import { OwnersDialog } from "../features/owners";
import {
  ActivityWarnings,
  ActivityWarningsBrief,
  countOpen,
  possibleDuplicates,
  WarningIcon,
} from "../features/warnings";
import { formatMonth, STATUS_LABELS } from "./activity-fields";
import { ActivityForm } from "./activity-form";
import {
  useActivityOwners,
  useActivityWarnings,
  useCommentCount,
  useEditorContext,
  useExpanded,
} from "./editor-context";
import { Icon } from "./icons";
import { initials } from "./presence";

const NO_RIGHTS: CommitmentRights = {
  lead: "none",
  partners: false,
  budget: false,
  status: false,
  organisationId: "",
};

/** An activity block's title as the document holds it now. */
export function activityTitle(node: NodeViewProps["node"]): string {
  return node.firstChild?.textContent.trim() ?? "";
}

function formatAmount(amount: number): string {
  return amount.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

/**
 * The React node view of an activity block: a header and the editable title and description, then
 * a summary line, or the full form while the card is expanded. Collapsed is the default: a plan of
 * hundreds of activities then holds a few elements per card, not a form of hundreds.
 */
export function ActivityView({ node, getPos, updateAttributes }: NodeViewProps) {
  const context = useEditorContext();
  const { canEdit } = context;
  // attrs keep their identity while unchanged: re-read only when they change
  const fields = useMemo(
    () => readActivityAttributes(node.attrs as Record<string, unknown>),
    [node.attrs],
  );
  const { id, lead, status } = fields;
  const title = activityTitle(node);
  const expanded = useExpanded(id);
  const owners = useActivityOwners(id);
  const warnings = useActivityWarnings(id);
  const detailsId = useId();
  const warningsId = useId();
  const warningsRef = useRef<HTMLDivElement>(null);
  const [ownersOpen, setOwnersOpen] = useState(false);
  // a collapsed card shows its warnings briefly until asked for the reasons and decisions
  const [warningsOpen, setWarningsOpen] = useState(false);
  const [revealRequest, setRevealRequest] = useState(0);
  const fullWarnings = expanded || warningsOpen;

  // the server puts back what this member may not change; the fields say so up front
  const rights =
    canEdit && context.member
      ? commitmentRights(
          {
            role: context.member.role,
            organisationId: context.member.organisationId,
            isOwner: owners.some((owner) => owner.userId === context.userId),
          },
          { lead },
        )
      : NO_RIGHTS;
  const set = (field: ActivityAttribute, value: unknown) => updateAttributes({ [field]: value });
  const start = fields.start ?? "";
  const end = fields.end ?? "";
  const timeframe =
    start || end ? `${formatMonth(start) || "…"} – ${formatMonth(end) || "…"}` : "No timeframe";
  const name = title || "untitled";
  const toggleText = expanded ? "Hide details" : canEdit ? "Edit details" : "Show details";

  useEffect(() => {
    const callout = warningsRef.current;
    if (revealRequest === 0 || !callout) return;
    for (const reasons of callout.querySelectorAll("details")) reasons.open = true;
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    callout.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
    callout.focus({ preventScroll: true });
  }, [revealRequest]);
  const showWarnings = () => {
    setWarningsOpen(true);
    setRevealRequest((n) => n + 1);
  };
  const remove = () => {
    const pos = getPos();
    if (typeof pos === "number") context.actions.removeActivity(pos, title);
  };

  return (
    <NodeViewWrapper
      as="article"
      className={`activity-card activity-status-${status}${expanded ? " is-expanded" : ""}`}
      id={id ? `activity-${id}` : undefined}
      data-activity-id={id}
      aria-label={`Activity: ${name}`}
      tabIndex={-1}
    >
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
        <WarningMarker count={countOpen(warnings)} controls={warningsId} onShow={showWarnings} />
        <span className="activity-header-actions">
          <CommentCount activityId={id} />
          {context.canSetOwners && id ? (
            <button
              type="button"
              className="activity-icon-button"
              aria-haspopup="dialog"
              aria-label={`Owners of activity ${name}`}
              onClick={() => setOwnersOpen(true)}
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
            aria-controls={detailsId}
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
              onClick={remove}
            >
              Remove
            </button>
          ) : null}
        </span>
      </header>
      {ownersOpen ? (
        <div contentEditable={false}>
          <OwnersDialog
            open
            networkId={context.networkId}
            workplanId={context.workplanId}
            activityId={id}
            activityTitle={title}
            owners={owners}
            onClose={() => setOwnersOpen(false)}
            onSaved={context.actions.onOwnersChanged}
          />
        </div>
      ) : null}

      <NodeViewContent className="activity-content" />

      {warnings.length > 0 ? (
        <div
          className="activity-card-warnings"
          id={warningsId}
          ref={warningsRef}
          tabIndex={-1}
          contentEditable={false}
        >
          {fullWarnings ? (
            <>
              <ActivityWarnings
                warnings={warnings}
                currentWorkplanId={context.workplanId}
                activityId={id}
                activityTitle={title}
                canDecide={context.canDecide}
              />
              {expanded ? null : (
                <button
                  type="button"
                  className="button button-ghost button-small activity-warnings-more"
                  aria-expanded={true}
                  aria-controls={warningsId}
                  onClick={() => setWarningsOpen(false)}
                >
                  Show less
                </button>
              )}
            </>
          ) : (
            <ActivityWarningsBrief
              warnings={warnings}
              currentWorkplanId={context.workplanId}
              activityId={id}
              activityTitle={title}
              controls={warningsId}
              onShowAll={showWarnings}
            />
          )}
        </div>
      ) : null}

      <div className="activity-fields" id={detailsId} contentEditable={false}>
        {expanded ? (
          <ActivityForm fields={fields} rights={rights} set={set} />
        ) : (
          <ActivitySummary fields={fields} />
        )}
      </div>
    </NodeViewWrapper>
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

/** A collapsed card's fields as one line of text: who, what for, where, how much. */
const ActivitySummary = memo(function ActivitySummary({ fields }: { fields: ActivityAttributes }) {
  const { organisationLabel } = useEditorContext();
  const parts: { label: string; text: string }[] = [];
  if (fields.partners.length > 0)
    parts.push({ label: "Partners", text: fields.partners.map(organisationLabel).join(", ") });
  if (fields.gcmObjectives.length > 0) {
    parts.push({
      label: "GCM",
      text: fields.gcmObjectives
        .map((n) => `${n} ${GCM_OBJECTIVES[n - 1]?.short ?? ""}`.trim())
        .join(", "),
    });
  }
  if (fields.sdgTargets.length > 0)
    parts.push({ label: "SDG", text: fields.sdgTargets.join(", ") });
  if (fields.locations.length > 0)
    parts.push({ label: "Places", text: fields.locations.join(", ") });
  if (fields.targetGroups.length > 0)
    parts.push({ label: "For", text: fields.targetGroups.join(", ") });
  const { budget } = fields;
  if (budget && budget.amount !== null) {
    parts.push({
      label: "Budget",
      text: `${formatAmount(budget.amount)} ${budget.currency}, ${budget.secured ? "secured" : "required"}`,
    });
  }
  if (fields.indicators.length > 0) {
    parts.push({
      label: "Indicators",
      text: String(fields.indicators.length),
    });
  }
  if (parts.length === 0) return <p className="activity-summary af-empty">No details yet.</p>;
  return (
    <p className="activity-summary">
      {parts.map((part) => (
        <span key={part.label} className="activity-summary-part">
          <span className="activity-summary-label">{part.label}</span> {part.text}
        </span>
      ))}
    </p>
  );
});
