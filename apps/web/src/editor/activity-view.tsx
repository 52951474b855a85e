import {
  ACTIVITY_STATUSES,
  type Budget,
  type CommitmentField,
  type CommitmentRights,
  commitmentHolders,
  GCM_OBJECTIVES,
  GCM_PRINCIPLES,
  type Indicator,
  type OwnerView,
  SDG_GOALS,
  SDG_TARGETS,
} from "@junction/domain";
import type { ActivityAttribute } from "@junction/domain/doc";
import { NodeViewContent, type NodeViewProps, NodeViewWrapper } from "@tiptap/react";
import { useId, useRef, useState } from "react";
import { OwnersDialog } from "../features/owners";
import { ActivityWarnings, countOpen, possibleDuplicates, WarningIcon } from "../features/warnings";
import {
  asBudget,
  asIndicators,
  asMonth,
  asObjectiveList,
  asStatus,
  asString,
  asStringList,
  EMPTY_BUDGET,
  formatMonth,
  STATUS_LABELS,
} from "./activity-fields";
import { useEditorContext } from "./editor-context";
import { type ChipGroup, ChipPicker, DraftInput, FieldBlock, TagInput } from "./fields";
import { Icon } from "./icons";
import { initials } from "./presence";

const NO_OWNERS: readonly OwnerView[] = [];
const NO_RIGHTS: CommitmentRights = {
  lead: "none",
  partners: false,
  budget: false,
  status: false,
  organisationId: "",
};

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

const OBJECTIVE_GROUPS: readonly ChipGroup[] = [
  {
    label: "GCM objectives",
    options: GCM_OBJECTIVES.map((o) => ({
      value: String(o.number),
      short: String(o.number),
      label: o.short,
      title: `Objective ${o.number}: ${o.title}`,
      option: truncate(o.title, 90),
    })),
  },
];

const PRINCIPLE_GROUPS: readonly ChipGroup[] = [
  {
    label: "Guiding principles",
    options: GCM_PRINCIPLES.map((p) => ({ value: p.key, label: p.title, title: p.summary })),
  },
];

const SDG_GROUPS: readonly ChipGroup[] = SDG_GOALS.flatMap((goal) => {
  const targets = SDG_TARGETS.filter((t) => t.goal === goal.number);
  if (targets.length === 0) return [];
  return [
    {
      label: `Goal ${goal.number}: ${goal.title}`,
      options: targets.map((t) => ({
        value: t.target,
        short: t.target,
        label: truncate(t.text, 42),
        title: `SDG target ${t.target}: ${t.text}`,
        option: truncate(t.text, 90),
      })),
    },
  ];
});

/** The React node view of an activity block: its fields around the editable title and description. */
export function ActivityView({ node, updateAttributes, deleteNode }: NodeViewProps) {
  const context = useEditorContext();
  const { canEdit } = context;
  const [expanded, setExpanded] = useState(true);
  const [ownersOpen, setOwnersOpen] = useState(false);
  const detailsId = useId();
  const warningId = useId();
  const warningsId = useId();
  const warningsRef = useRef<HTMLDivElement>(null);
  const ids = {
    lead: useId(),
    leadHint: useId(),
    status: useId(),
    statusHint: useId(),
    budgetHint: useId(),
    start: useId(),
    end: useId(),
    amount: useId(),
    currency: useId(),
    source: useId(),
    secured: useId(),
  };

  const attrs = node.attrs as Record<ActivityAttribute, unknown>;
  const id = asString(attrs.id);
  const lead = asString(attrs.lead);
  const partners = asStringList(attrs.partners);
  const objectives = asObjectiveList(attrs.gcmObjectives).map(String);
  const principles = asStringList(attrs.principles);
  const sdgTargets = asStringList(attrs.sdgTargets);
  const locations = asStringList(attrs.locations);
  const targetGroups = asStringList(attrs.targetGroups);
  const start = asMonth(attrs.start);
  const end = asMonth(attrs.end);
  const budget = asBudget(attrs.budget);
  const status = asStatus(attrs.status);
  const indicators = asIndicators(attrs.indicators);
  const title = node.firstChild?.textContent.trim() ?? "";
  const warnings = context.warnings.get(id) ?? [];
  const openWarnings = countOpen(warnings);
  const commentCount = context.commentCounts.get(id) ?? 0;
  const owners = context.owners.get(id) ?? NO_OWNERS;
  // the server puts back what this member may not change; the fields say so up front
  const rights = canEdit ? context.commitmentRights(id, lead || null) : NO_RIGHTS;
  const leadOrganisation = lead
    ? (context.organisations.find((o) => o.id === lead) ?? context.organisationLabel(lead))
    : null;
  const hintFor = (field: CommitmentField, allowed: boolean): string | undefined =>
    canEdit && !allowed ? commitmentHolders(field, leadOrganisation) : undefined;
  const leadHint =
    rights.lead === "claim"
      ? "No lead yet: you may name your organisation"
      : hintFor("lead", rights.lead === "any");
  const statusHint = hintFor("status", rights.status);
  const budgetHint = hintFor("budget", rights.budget);
  const leadChoices =
    rights.lead === "claim"
      ? context.organisations.filter((o) => o.id === rights.organisationId)
      : context.organisations;

  const showWarnings = () => {
    const callout = warningsRef.current;
    if (!callout) return;
    for (const reasons of callout.querySelectorAll("details")) reasons.open = true;
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    callout.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
    callout.focus({ preventScroll: true });
  };

  // one attribute per call: two people changing different fields of this block both keep their change
  const set = (field: ActivityAttribute, value: unknown) => updateAttributes({ [field]: value });
  const setBudget = (change: Partial<Budget>) =>
    set("budget", { ...(budget ?? EMPTY_BUDGET), ...change });
  const organisationGroups: readonly ChipGroup[] = [
    {
      label: "Organisations",
      options: context.organisations.map((o) => ({
        value: o.id,
        label: o.acronym || o.name,
        title: o.name,
        option: o.acronym ? `${o.acronym} — ${o.name}` : o.name,
      })),
    },
  ];
  const timeframe =
    start || end ? `${formatMonth(start) || "…"} – ${formatMonth(end) || "…"}` : "No timeframe";
  const endsBeforeStart = start !== "" && end !== "" && end < start;

  return (
    <NodeViewWrapper
      as="article"
      className={`activity-card activity-status-${status}`}
      id={id ? `activity-${id}` : undefined}
      data-activity-id={id}
      aria-label={`Activity: ${title || "untitled"}`}
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
        {owners.length > 0 ? (
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
        ) : null}
        {openWarnings > 0 ? (
          <button
            type="button"
            className="warning-marker"
            aria-label={possibleDuplicates(openWarnings)}
            aria-controls={warningsId}
            title={`${possibleDuplicates(openWarnings)}: show why`}
            onClick={showWarnings}
          >
            <WarningIcon />
            <span aria-hidden="true">{openWarnings}</span>
          </button>
        ) : null}
        <span className="activity-header-actions">
          {commentCount > 0 ? (
            <button
              type="button"
              className="comment-count"
              aria-label={`${commentCount} open ${commentCount === 1 ? "comment" : "comments"}: show`}
              title="Show the comments on this activity"
              onClick={() => context.showActivityComments(id)}
            >
              <Icon name="comment" />
              <span aria-hidden="true">{commentCount}</span>
            </button>
          ) : null}
          {context.canSetOwners && id ? (
            <button
              type="button"
              className="activity-icon-button"
              aria-haspopup="dialog"
              aria-label={`Owners of activity ${title || "untitled"}`}
              onClick={() => setOwnersOpen(true)}
            >
              Owners
            </button>
          ) : null}
          {context.canComment && id ? (
            <button
              type="button"
              className="activity-icon-button"
              aria-label={`Comment on activity ${title || "untitled"}`}
              onClick={() => context.commentOnActivity(id, title)}
            >
              Comment
            </button>
          ) : null}
          <button
            type="button"
            className="activity-icon-button"
            aria-expanded={expanded}
            aria-controls={detailsId}
            onClick={() => setExpanded((value) => !value)}
          >
            {expanded ? "Hide details" : "Show details"}
          </button>
          {canEdit ? (
            <button
              type="button"
              className="activity-icon-button activity-remove"
              aria-label={`Remove activity ${title || "untitled"}`}
              title="Remove this activity (undo with Ctrl+Z)"
              onClick={() => deleteNode()}
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
            onSaved={context.onOwnersChanged}
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
          <ActivityWarnings
            warnings={warnings}
            currentWorkplanId={context.workplanId}
            activityId={id}
            canDecide={context.canDecide}
          />
        </div>
      ) : null}

      <div className="activity-fields" id={detailsId} hidden={!expanded} contentEditable={false}>
        <div className="af-grid">
          <FieldBlock label="Lead organisation" htmlFor={ids.lead} span={2}>
            <select
              id={ids.lead}
              className="af-control af-select"
              value={lead}
              disabled={rights.lead === "none"}
              aria-describedby={leadHint ? ids.leadHint : undefined}
              onChange={(event) =>
                set("lead", event.target.value === "" ? null : event.target.value)
              }
            >
              <option value="">No lead yet</option>
              {lead && !leadChoices.some((o) => o.id === lead) ? (
                <option value={lead}>{context.organisationLabel(lead)}</option>
              ) : null}
              {leadChoices.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.acronym ? `${o.acronym} — ${o.name}` : o.name}
                </option>
              ))}
            </select>
            {leadHint ? (
              <span className="af-hint" id={ids.leadHint}>
                {leadHint}
              </span>
            ) : null}
          </FieldBlock>
          <FieldBlock label="Starts" htmlFor={ids.start}>
            <input
              id={ids.start}
              type="month"
              className="af-control"
              value={start}
              readOnly={!canEdit}
              aria-invalid={endsBeforeStart || undefined}
              onChange={(event) => set("start", event.target.value || null)}
            />
          </FieldBlock>
          <FieldBlock label="Ends" htmlFor={ids.end}>
            <input
              id={ids.end}
              type="month"
              className="af-control"
              value={end}
              readOnly={!canEdit}
              aria-invalid={endsBeforeStart || undefined}
              aria-describedby={endsBeforeStart ? warningId : undefined}
              onChange={(event) => set("end", event.target.value || null)}
            />
            {endsBeforeStart ? (
              <span className="af-warning" id={warningId}>
                Ends before it starts
              </span>
            ) : null}
          </FieldBlock>
          <FieldBlock label="Status" htmlFor={ids.status}>
            <select
              id={ids.status}
              className="af-control af-select"
              value={status}
              disabled={!rights.status}
              aria-describedby={statusHint ? ids.statusHint : undefined}
              onChange={(event) => set("status", event.target.value)}
            >
              {ACTIVITY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            {statusHint ? (
              <span className="af-hint" id={ids.statusHint}>
                {statusHint}
              </span>
            ) : null}
          </FieldBlock>
          <ChipPicker
            span={3}
            label="Partners"
            values={partners}
            groups={organisationGroups}
            canEdit={rights.partners}
            addLabel="Add a partner organisation"
            emptyLabel="No partners"
            tone="org"
            hint={hintFor("partners", rights.partners)}
            onChange={(values) => set("partners", values)}
          />
          <ChipPicker
            span={4}
            label="GCM objectives"
            values={objectives}
            groups={OBJECTIVE_GROUPS}
            canEdit={canEdit}
            addLabel="Add a GCM objective"
            emptyLabel="None chosen"
            tone="objective"
            onChange={(values) =>
              set(
                "gcmObjectives",
                values.map(Number).sort((a, b) => a - b),
              )
            }
          />
          <ChipPicker
            span={2}
            label="Guiding principles"
            values={principles}
            groups={PRINCIPLE_GROUPS}
            canEdit={canEdit}
            addLabel="Add a guiding principle"
            emptyLabel="None chosen"
            tone="principle"
            onChange={(values) => set("principles", values)}
          />
          <ChipPicker
            span={2}
            label="SDG targets"
            values={sdgTargets}
            groups={SDG_GROUPS}
            canEdit={canEdit}
            addLabel="Add an SDG target"
            emptyLabel="None chosen"
            tone="sdg"
            onChange={(values) => set("sdgTargets", values)}
          />
          <TagInput
            span={2}
            label="Locations"
            values={locations}
            canEdit={canEdit}
            listId={context.locationsListId}
            placeholder="Add a place…"
            emptyLabel="No places"
            onChange={(values) => set("locations", values)}
          />
          <TagInput
            span={2}
            label="Target groups"
            values={targetGroups}
            canEdit={canEdit}
            listId={context.targetGroupsListId}
            placeholder="Add a group…"
            emptyLabel="No target groups"
            onChange={(values) => set("targetGroups", values)}
          />

          <div className="af-field af-span-4">
            <span className="af-label">Budget</span>
            <div className="af-budget">
              <div className="af-sub">
                <label className="af-sublabel" htmlFor={ids.amount}>
                  Amount
                </label>
                <DraftInput
                  id={ids.amount}
                  className="af-control"
                  type="number"
                  min={0}
                  step="any"
                  inputMode="decimal"
                  readOnly={!rights.budget}
                  aria-describedby={budgetHint ? ids.budgetHint : undefined}
                  value={budget?.amount === null || budget === null ? "" : String(budget.amount)}
                  onCommit={(value) => {
                    const amount = value.trim() === "" ? null : Number(value);
                    if (amount === null || (Number.isFinite(amount) && amount >= 0))
                      setBudget({ amount });
                  }}
                />
              </div>
              <div className="af-sub af-sub-narrow">
                <label className="af-sublabel" htmlFor={ids.currency}>
                  Currency
                </label>
                <DraftInput
                  id={ids.currency}
                  className="af-control"
                  list={context.currenciesListId}
                  maxLength={8}
                  readOnly={!rights.budget}
                  aria-describedby={budgetHint ? ids.budgetHint : undefined}
                  value={budget?.currency ?? ""}
                  onCommit={(value) => setBudget({ currency: value.trim().toUpperCase() })}
                />
              </div>
              <div className="af-sub af-sub-grow">
                <label className="af-sublabel" htmlFor={ids.source}>
                  Funding source
                </label>
                <DraftInput
                  id={ids.source}
                  className="af-control"
                  list={context.fundingSourcesListId}
                  maxLength={300}
                  readOnly={!rights.budget}
                  aria-describedby={budgetHint ? ids.budgetHint : undefined}
                  value={budget?.source ?? ""}
                  onCommit={(value) => setBudget({ source: value.trim() })}
                />
              </div>
              <div className="af-sub">
                <label className="af-sublabel" htmlFor={ids.secured}>
                  Funding
                </label>
                <select
                  id={ids.secured}
                  className="af-control af-select"
                  disabled={!rights.budget}
                  aria-describedby={budgetHint ? ids.budgetHint : undefined}
                  value={budget === null ? "" : budget.secured ? "secured" : "required"}
                  onChange={(event) =>
                    event.target.value === ""
                      ? set("budget", null)
                      : setBudget({ secured: event.target.value === "secured" })
                  }
                >
                  <option value="">Not set</option>
                  <option value="secured">Secured</option>
                  <option value="required">Required</option>
                </select>
              </div>
            </div>
            {budgetHint ? (
              <span className="af-hint" id={ids.budgetHint}>
                {budgetHint}
              </span>
            ) : null}
          </div>
        </div>

        <IndicatorsTable
          indicators={indicators}
          canEdit={canEdit}
          onChange={(value) => set("indicators", value)}
        />
      </div>
    </NodeViewWrapper>
  );
}

const EMPTY_INDICATOR: Indicator = { name: "", baseline: "", target: "", meansOfVerification: "" };
const INDICATOR_COLUMNS = [
  { key: "name", label: "Indicator" },
  { key: "baseline", label: "Baseline" },
  { key: "target", label: "Target" },
  { key: "meansOfVerification", label: "Means of verification" },
] as const satisfies readonly { key: keyof Indicator; label: string }[];

function IndicatorsTable({
  indicators,
  canEdit,
  onChange,
}: {
  indicators: readonly Indicator[];
  canEdit: boolean;
  onChange: (indicators: Indicator[]) => void;
}) {
  const captionId = useId();
  const update = (index: number, change: Partial<Indicator>) =>
    onChange(indicators.map((item, i) => (i === index ? { ...item, ...change } : item)));
  return (
    <div className="af-indicators">
      <div className="af-indicators-header">
        <span className="af-label" id={captionId}>
          Indicators
        </span>
        {canEdit ? (
          <button
            type="button"
            className="af-add-button"
            onClick={() => onChange([...indicators, EMPTY_INDICATOR])}
          >
            + Add indicator
          </button>
        ) : null}
      </div>
      {indicators.length === 0 ? (
        <p className="af-empty">No indicators yet.</p>
      ) : (
        <table className="af-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              {INDICATOR_COLUMNS.map((column) => (
                <th key={column.key} scope="col">
                  {column.label}
                </th>
              ))}
              {canEdit ? (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {indicators.map((indicator, index) => (
              // indicators have no id; position is their identity within one block
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <tr key={index}>
                {INDICATOR_COLUMNS.map((column) => (
                  <td key={column.key}>
                    {canEdit ? (
                      <DraftInput
                        className="af-control af-cell"
                        aria-label={`Indicator ${index + 1}: ${column.label.toLowerCase()}`}
                        value={indicator[column.key]}
                        maxLength={
                          column.key === "name" || column.key === "meansOfVerification" ? 500 : 200
                        }
                        onCommit={(value) => update(index, { [column.key]: value })}
                      />
                    ) : (
                      indicator[column.key] || <span className="af-empty">—</span>
                    )}
                  </td>
                ))}
                {canEdit ? (
                  <td className="af-cell-actions">
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={`Remove indicator ${index + 1}`}
                      onClick={() => onChange(indicators.filter((_, i) => i !== index))}
                    >
                      <span aria-hidden="true">×</span>
                    </button>
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
