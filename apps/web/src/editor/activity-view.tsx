import { type CommitmentRights, commitmentRights } from "@junction/domain";
import { type ActivityAttribute, readActivityAttributes } from "@junction/domain/doc";
import { NodeViewContent, type NodeViewProps, NodeViewWrapper } from "@tiptap/react";
import { useId, useMemo, useState } from "react";
import { OwnersDialog } from "../features/owners";
import { countOpen } from "../features/warnings";
import { useT } from "../i18n";
import { ActivityCardHeader } from "./activity-card-header";
import { ActivityCardWarnings, useWarningsReveal } from "./activity-card-warnings";
import { ActivityForm } from "./activity-form";
import { ActivitySummary } from "./activity-summary";
import {
  useActivityOwners,
  useActivityWarnings,
  useEditorContext,
  useExpanded,
} from "./editor-context";

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

/**
 * The React node view of an activity block: a header and the editable title and description, then
 * a summary line, or the full form while the card is expanded. Collapsed is the default: a plan of
 * hundreds of activities then holds a few elements per card, not a form of hundreds.
 */
export function ActivityView({ node, getPos, updateAttributes }: NodeViewProps) {
  const context = useEditorContext();
  const t = useT("editor");
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
  const [ownersOpen, setOwnersOpen] = useState(false);
  const reveal = useWarningsReveal();

  // the server puts back what this member may not change; the fields say so up front
  const rights =
    context.canEdit && context.member
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
      aria-label={t("card.label", { name: title || t("card.untitled") })}
      tabIndex={-1}
    >
      <ActivityCardHeader
        fields={fields}
        title={title}
        owners={owners}
        openWarnings={countOpen(warnings)}
        controls={{ warnings: warningsId, details: detailsId }}
        expanded={expanded}
        onShowWarnings={reveal.show}
        onEditOwners={() => setOwnersOpen(true)}
        onRemove={remove}
      />
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

      <ActivityCardWarnings
        id={warningsId}
        activityId={id}
        title={title}
        warnings={warnings}
        expanded={expanded}
        reveal={reveal}
      />

      <div className="activity-fields" id={detailsId} contentEditable={false}>
        {expanded ? (
          <ActivityForm fields={fields} title={title} rights={rights} set={set} />
        ) : (
          <ActivitySummary fields={fields} />
        )}
      </div>
    </NodeViewWrapper>
  );
}
