import {
  ACTIVITY_STATUSES,
  type Budget,
  type CommitmentField,
  type CommitmentRights,
  GCM_OBJECTIVES,
  GCM_PRINCIPLES,
  gcmObjectiveTitle,
  gcmPrincipleTitle,
  type Indicator,
  SDG_GOALS,
  SDG_TARGETS,
  type SuggestionField,
} from "@junction/domain";
import type { ActivityAttribute, ActivityAttributes } from "@junction/domain/doc";
import { memo, useId, useMemo } from "react";
import { type MessageKey, type Translate, useLocale, useT } from "../i18n";
import { EMPTY_BUDGET, parseAmount, parseCurrency } from "./activity-fields";
import { useEditorContext } from "./editor-context";
import {
  CheckedInput,
  type ChipGroup,
  ChipPicker,
  DraftInput,
  FieldBlock,
  TagInput,
} from "./fields";

function truncate(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1).trimEnd()}…`;
}

// GCM objectives and principles in the interface language where the compact's official text has
// them (English otherwise); SDG targets stay English; the frames around them are translated
function objectiveGroups(t: Translate<"editor">, locale: string): readonly ChipGroup[] {
  return [
    {
      label: t("form.gcmObjectives"),
      options: GCM_OBJECTIVES.map((o) => {
        const title = gcmObjectiveTitle(o.number, locale);
        return {
          value: String(o.number),
          short: String(o.number),
          // the short names are ours, in English: elsewhere the official title, cut short
          label: title === o.title ? o.short : truncate(title, 42),
          title: t("form.objectiveTitle", { number: o.number, title }),
          option: truncate(title, 90),
        };
      }),
    },
  ];
}

function principleGroups(t: Translate<"editor">, locale: string): readonly ChipGroup[] {
  return [
    {
      label: t("form.principles"),
      options: GCM_PRINCIPLES.map((p) => ({
        value: p.key,
        label: gcmPrincipleTitle(p.key, locale),
        title: p.summary,
      })),
    },
  ];
}

/** The SDG picker: every target of the catalogue, under its goal. */
export function sdgGroups(t: Translate<"editor">): readonly ChipGroup[] {
  return SDG_GOALS.flatMap((goal) => {
    const targets = SDG_TARGETS.filter((target) => target.goal === goal.number);
    if (targets.length === 0) return [];
    return [
      {
        label: t("form.sdgGoal", { number: goal.number, title: goal.title }),
        options: targets.map((target) => ({
          value: target.target,
          short: target.target,
          label: truncate(target.text, 42),
          title: t("form.sdgTargetTitle", { target: target.target, text: target.text }),
          option: truncate(target.text, 90),
        })),
      },
    ];
  });
}

/** Who may set a field the person may not: the lead organisation, its owners, coordinators. */
function holdersHint(
  t: Translate<"editor">,
  field: CommitmentField,
  lead: { name: string; acronym?: string } | string | null,
): string {
  if (lead === null) return t("form.holdersNoLead");
  const label = typeof lead === "string" ? lead : lead.acronym || lead.name;
  return field === "status"
    ? t("form.holdersStatus", { lead: label })
    : t("form.holdersOther", { lead: label });
}

type ActivityFormProps = {
  fields: ActivityAttributes;
  /** The activity's title, for the dialogs that propose changes to its fields. */
  title: string;
  rights: CommitmentRights;
  /** One attribute per call: two people changing different fields both keep their change. */
  set: (field: ActivityAttribute, value: unknown) => void;
};

/** The full form of one activity: mounted only while its card is expanded. */
export const ActivityForm = memo(function ActivityForm({
  fields,
  title,
  rights,
  set,
}: ActivityFormProps) {
  const t = useT("editor");
  const tc = useT("common");
  const { locale } = useLocale();
  const pickers = useMemo(
    () => ({
      objectives: objectiveGroups(t, locale),
      principles: principleGroups(t, locale),
      sdg: sdgGroups(t),
    }),
    [t, locale],
  );
  const context = useEditorContext();
  const { canEdit, canSuggest } = context;
  const ids = {
    lead: useId(),
    leadHint: useId(),
    status: useId(),
    statusHint: useId(),
    budgetHint: useId(),
    start: useId(),
    end: useId(),
    endWarning: useId(),
    amount: useId(),
    currency: useId(),
    source: useId(),
    secured: useId(),
  };
  const { lead, budget, status } = fields;
  const start = fields.start ?? "";
  const end = fields.end ?? "";
  const leadOrganisation = lead
    ? (context.organisations.find((o) => o.id === lead) ?? context.organisationLabel(lead))
    : null;
  const hintFor = (field: CommitmentField, allowed: boolean): string | undefined =>
    canEdit && !allowed ? holdersHint(t, field, leadOrganisation) : undefined;
  const leadHint =
    rights.lead === "claim" ? t("form.leadClaim") : hintFor("lead", rights.lead === "any");
  // a new activity's creator meets this first: say what unlocks the field, not only who sets it
  const statusHint =
    canEdit && !rights.status && rights.lead === "claim"
      ? t("form.statusNeedsLead")
      : hintFor("status", rights.status);
  const budgetHint = hintFor("budget", rights.budget);
  const leadChoices =
    rights.lead === "claim"
      ? context.organisations.filter((o) => o.id === rights.organisationId)
      : context.organisations;
  const organisationGroups: readonly ChipGroup[] = [
    {
      label: t("form.organisations"),
      options: context.organisations.map((o) => ({
        value: o.id,
        label: o.acronym || o.name,
        title: o.name,
        option: o.acronym ? `${o.acronym} — ${o.name}` : o.name,
      })),
    },
  ];
  const setBudget = (change: Partial<Budget>) =>
    set("budget", { ...(budget ?? EMPTY_BUDGET), ...change });
  const endsBeforeStart = start !== "" && end !== "" && end < start;
  const ts = useT("suggestions");
  const suggest = (field: SuggestionField) =>
    canSuggest ? (
      <button
        type="button"
        className="link-button af-suggest"
        aria-label={ts(`button.suggestField.${field}`)}
        onClick={() =>
          context.actions.suggestField(fields.id, field, {
            title,
            budget,
            month: field === "start" ? fields.start : field === "end" ? fields.end : null,
          })
        }
      >
        Suggest a change
      </button>
    ) : null;

  return (
    <>
      <div className="af-grid">
        <FieldBlock label={t("form.lead")} htmlFor={ids.lead} span={2}>
          <select
            id={ids.lead}
            className="af-control af-select"
            value={lead ?? ""}
            disabled={rights.lead === "none"}
            aria-describedby={leadHint ? ids.leadHint : undefined}
            onChange={(event) => set("lead", event.target.value === "" ? null : event.target.value)}
          >
            <option value="">{t("form.noLead")}</option>
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
        <FieldBlock label={t("form.starts")} htmlFor={ids.start}>
          <input
            id={ids.start}
            type="month"
            className="af-control af-month"
            value={start}
            readOnly={!canEdit}
            aria-invalid={endsBeforeStart || undefined}
            onChange={(event) => set("start", event.target.value || null)}
          />
          {suggest("start")}
        </FieldBlock>
        <FieldBlock label={t("form.ends")} htmlFor={ids.end}>
          <input
            id={ids.end}
            type="month"
            className="af-control af-month"
            value={end}
            readOnly={!canEdit}
            aria-invalid={endsBeforeStart || undefined}
            aria-describedby={endsBeforeStart ? ids.endWarning : undefined}
            onChange={(event) => set("end", event.target.value || null)}
          />
          {endsBeforeStart ? (
            <span className="af-warning" id={ids.endWarning}>
              {t("form.endsBeforeStart")}
            </span>
          ) : null}
          {suggest("end")}
        </FieldBlock>
        <FieldBlock label={t("form.status")} htmlFor={ids.status}>
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
                {tc(`status.${s}`)}
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
          label={t("form.partners")}
          values={fields.partners}
          groups={organisationGroups}
          canEdit={rights.partners}
          addLabel={t("form.addPartner")}
          emptyLabel={t("form.noPartners")}
          tone="org"
          hint={hintFor("partners", rights.partners)}
          onChange={(values) => set("partners", values)}
        />
        <ChipPicker
          span={4}
          label={t("form.gcmObjectives")}
          values={fields.gcmObjectives.map(String)}
          groups={pickers.objectives}
          canEdit={canEdit}
          addLabel={t("form.addObjective")}
          emptyLabel={t("form.noneChosen")}
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
          label={t("form.principles")}
          values={fields.principles}
          groups={pickers.principles}
          canEdit={canEdit}
          addLabel={t("form.addPrinciple")}
          emptyLabel={t("form.noneChosen")}
          tone="principle"
          onChange={(values) => set("principles", values)}
        />
        <ChipPicker
          span={2}
          label={t("form.sdgTargets")}
          values={fields.sdgTargets}
          groups={pickers.sdg}
          canEdit={canEdit}
          addLabel={t("form.addSdgTarget")}
          emptyLabel={t("form.noneChosen")}
          tone="sdg"
          onChange={(values) => set("sdgTargets", values)}
        />
        <TagInput
          span={2}
          label={t("form.locations")}
          addLabel={t("form.addToLocations")}
          values={fields.locations}
          canEdit={canEdit}
          listId={context.lists.locations}
          placeholder={t("form.addPlace")}
          emptyLabel={t("form.noPlaces")}
          onChange={(values) => set("locations", values)}
        />
        <TagInput
          span={2}
          label={t("form.targetGroups")}
          addLabel={t("form.addToTargetGroups")}
          values={fields.targetGroups}
          canEdit={canEdit}
          listId={context.lists.targetGroups}
          placeholder={t("form.addGroup")}
          emptyLabel={t("form.noTargetGroups")}
          onChange={(values) => set("targetGroups", values)}
        />

        <div className="af-field af-span-4">
          <span className="af-label">{t("budget.label")}</span>
          <div className="af-budget">
            <div className="af-sub">
              <label className="af-sublabel" htmlFor={ids.amount}>
                {t("budget.amount")}
              </label>
              <CheckedInput
                id={ids.amount}
                className="af-control"
                inputMode="decimal"
                autoComplete="off"
                readOnly={!rights.budget}
                describedBy={budgetHint ? ids.budgetHint : undefined}
                value={budget?.amount === null || budget === null ? "" : String(budget.amount)}
                parse={(text) => parseAmount(text, t)}
                onCommit={(amount) => setBudget({ amount })}
              />
            </div>
            <div className="af-sub af-sub-narrow">
              <label className="af-sublabel" htmlFor={ids.currency}>
                {t("budget.currency")}
              </label>
              <CheckedInput
                id={ids.currency}
                className="af-control"
                list={context.lists.currencies}
                maxLength={8}
                autoComplete="off"
                readOnly={!rights.budget}
                describedBy={budgetHint ? ids.budgetHint : undefined}
                value={budget?.currency ?? ""}
                parse={(text) => parseCurrency(text, t)}
                onCommit={(currency) => setBudget({ currency })}
              />
            </div>
            <div className="af-sub af-sub-grow">
              <label className="af-sublabel" htmlFor={ids.source}>
                {t("budget.source")}
              </label>
              <DraftInput
                id={ids.source}
                className="af-control"
                dir="auto"
                list={context.lists.sources}
                maxLength={300}
                readOnly={!rights.budget}
                aria-describedby={budgetHint ? ids.budgetHint : undefined}
                value={budget?.source ?? ""}
                onCommit={(value) => setBudget({ source: value.trim() })}
              />
            </div>
            <div className="af-sub">
              <label className="af-sublabel" htmlFor={ids.secured}>
                {t("budget.funding")}
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
                <option value="">{t("budget.notSet")}</option>
                <option value="secured">{t("budget.secured")}</option>
                <option value="required">{t("budget.required")}</option>
              </select>
            </div>
          </div>
          {budgetHint ? (
            <span className="af-hint" id={ids.budgetHint}>
              {budgetHint}
            </span>
          ) : null}
          {suggest("budget")}
        </div>
      </div>

      <IndicatorsTable
        indicators={fields.indicators}
        canEdit={canEdit}
        onChange={(value) => set("indicators", value)}
      />
    </>
  );
});

const EMPTY_INDICATOR: Indicator = { name: "", baseline: "", target: "", meansOfVerification: "" };
const INDICATOR_COLUMNS = [
  { key: "name", label: "indicators.name" },
  { key: "baseline", label: "indicators.baseline" },
  { key: "target", label: "indicators.target" },
  { key: "meansOfVerification", label: "indicators.means" },
] as const satisfies readonly { key: keyof Indicator; label: MessageKey<"editor"> }[];

function IndicatorsTable({
  indicators,
  canEdit,
  onChange,
}: {
  indicators: readonly Indicator[];
  canEdit: boolean;
  onChange: (indicators: Indicator[]) => void;
}) {
  const t = useT("editor");
  const captionId = useId();
  const update = (index: number, change: Partial<Indicator>) =>
    onChange(indicators.map((item, i) => (i === index ? { ...item, ...change } : item)));
  return (
    <div className="af-indicators">
      <div className="af-indicators-header">
        <span className="af-label" id={captionId}>
          {t("indicators.label")}
        </span>
        {canEdit ? (
          <button
            type="button"
            className="af-add-button"
            onClick={() => onChange([...indicators, EMPTY_INDICATOR])}
          >
            {t("indicators.add")}
          </button>
        ) : null}
      </div>
      {indicators.length === 0 ? (
        <p className="af-empty">{t("indicators.none")}</p>
      ) : (
        <table className="af-table" aria-labelledby={captionId}>
          <thead>
            <tr>
              {INDICATOR_COLUMNS.map((column) => (
                <th key={column.key} scope="col">
                  {t(column.label)}
                </th>
              ))}
              {canEdit ? (
                <th scope="col">
                  <span className="visually-hidden">{t("indicators.actions")}</span>
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
                        aria-label={t("indicators.cell", {
                          number: index + 1,
                          column: t(column.label).toLocaleLowerCase(t.locale),
                        })}
                        dir="auto"
                        value={indicator[column.key]}
                        maxLength={
                          column.key === "name" || column.key === "meansOfVerification" ? 500 : 200
                        }
                        onCommit={(value) => update(index, { [column.key]: value })}
                      />
                    ) : (
                      <span dir="auto">
                        {indicator[column.key] || <span className="af-empty">—</span>}
                      </span>
                    )}
                  </td>
                ))}
                {canEdit ? (
                  <td className="af-cell-actions">
                    <button
                      type="button"
                      className="chip-remove"
                      aria-label={t("indicators.remove", { number: index + 1 })}
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
