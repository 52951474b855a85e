import type { LifecycleView, ValidationOrganisation } from "@junction/domain";
import { type FormEvent, useId, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useFormat, useT } from "../../i18n";
import { Field } from "../../ui/field";
import { EmptyState, Notice } from "../../ui/states";
import {
  type AnswerState,
  answerState,
  organisationName,
  validationSummary,
} from "./lifecycle-logic";
import { OverruleDialog } from "./stage-dialogs";

type Props = {
  workplan: { id: string; title: string };
  lifecycle: LifecycleView;
  /** The person's organisation and role in the network. */
  member: { organisationId: string; role: string } | null;
  onChanged: () => void;
};

const ANSWER_ORDER: Record<AnswerState, number> = {
  objected: 0,
  pending: 1,
  overruled: 2,
  approved: 3,
};

/** Who approved, who objected and who has not answered; the person's organisation answers here. */
export function ValidationPanel({ workplan, lifecycle, member, onChanged }: Props) {
  const t = useT("lifecycle");
  const f = useFormat();
  const validation = lifecycle.validation;
  const [overruling, setOverruling] = useState<ValidationOrganisation | null>(null);
  const headingId = useId();

  if (!validation) {
    return (
      <section className="panel-section lifecycle-panel" aria-labelledby={headingId}>
        <h2 id={headingId} className="panel-title">
          {t("panel.title")}
        </h2>
        <EmptyState title={t("panel.notYet")}>
          <p className="muted small">{t("panel.notYetBody")}</p>
        </EmptyState>
      </section>
    );
  }

  const isCoordinator = member?.role === "coordinator";
  const mayAnswer =
    validation.current &&
    member !== null &&
    (member.role === "editor" || member.role === "coordinator");
  const mine = mayAnswer
    ? validation.organisations.find((o) => o.organisationId === member?.organisationId)
    : undefined;
  const sorted = [...validation.organisations].sort(
    (a, b) =>
      ANSWER_ORDER[answerState(a)] - ANSWER_ORDER[answerState(b)] ||
      organisationName(a).localeCompare(organisationName(b)),
  );

  return (
    <section className="panel-section lifecycle-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="panel-title">
        {t("panel.title")}
      </h2>
      <p className="muted small">
        {validation.current
          ? validationSummary(t, validation)
          : t("panel.lastRound", {
              date: validation.endedAt ? f.dateTime(validation.endedAt) : "",
              summary: validationSummary(t, validation),
            })}
      </p>
      {mine ? (
        <AnswerForm
          workplanId={workplan.id}
          organisation={mine}
          onChanged={onChanged}
          key={`${mine.organisationId}:${mine.answer ?? ""}`}
        />
      ) : null}
      {mayAnswer && !mine ? <p className="muted small">{t("panel.notAsked")}</p> : null}
      {validation.organisations.length === 0 ? (
        <p className="muted small">{t("panel.noLeads")}</p>
      ) : (
        <ul className="validation-list">
          {sorted.map((organisation) => (
            <ValidationRow
              key={organisation.organisationId}
              organisation={organisation}
              canOverrule={isCoordinator && validation.current && organisation.blocking}
              onOverrule={() => setOverruling(organisation)}
            />
          ))}
        </ul>
      )}
      <OverruleDialog
        workplan={workplan}
        organisation={overruling}
        onClose={() => setOverruling(null)}
        onChanged={onChanged}
      />
    </section>
  );
}

function ValidationRow({
  organisation,
  canOverrule,
  onOverrule,
}: {
  organisation: ValidationOrganisation;
  canOverrule: boolean;
  onOverrule: () => void;
}) {
  const t = useT("lifecycle");
  const f = useFormat();
  const state = answerState(organisation);
  const name = organisationName(organisation);
  return (
    <li className={`validation-row validation-${state}`}>
      <div className="validation-row-head">
        <span className="validation-org" title={organisation.name}>
          {name}
        </span>
        <span className={`tag validation-tag validation-tag-${state}`}>{t(`answer.${state}`)}</span>
      </div>
      <p className="muted small">
        {t("row.leads", { count: organisation.activityCount })}
        {organisation.answeredByName && organisation.answeredAt
          ? ` · ${t("row.answeredBy", { name: organisation.answeredByName, date: f.dateTime(organisation.answeredAt) })}`
          : null}
      </p>
      {organisation.comment ? (
        <blockquote className="validation-comment" dir="auto">
          {organisation.comment}
        </blockquote>
      ) : null}
      {organisation.overrule ? (
        <p className="small validation-overrule">
          {t("row.overruledBy", {
            name: organisation.overrule.byName,
            reason: organisation.overrule.reason,
          })}
        </p>
      ) : null}
      {canOverrule ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={onOverrule}
          aria-label={t("overrule.title", { name })}
        >
          {t("row.overrule")}
        </button>
      ) : null}
    </li>
  );
}

function AnswerForm({
  workplanId,
  organisation,
  onChanged,
}: {
  workplanId: string;
  organisation: ValidationOrganisation;
  onChanged: () => void;
}) {
  const t = useT("lifecycle");
  const tc = useT("common");
  const [objecting, setObjecting] = useState(false);
  const [comment, setComment] = useState(organisation.comment);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const name = organisationName(organisation);
  const state = answerState(organisation);

  const send = async (answer: "approve" | "object") => {
    setBusy(true);
    setError(null);
    try {
      await api.answerValidation(workplanId, { answer, comment: comment.trim() });
      onChanged();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const submitObjection = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (comment.trim() === "") {
      setError(new Error(t("answerForm.needsComment")));
      return;
    }
    void send("object");
  };

  return (
    <div className="validation-answer card">
      <p className="validation-answer-title">
        {t.rich(`yours.${state}`, { name, strong: (chunks) => <strong>{chunks}</strong> })}
      </p>
      {objecting ? (
        <form className="stack-tight" onSubmit={submitObjection}>
          <Field label={t("answerForm.whatMustChange", { name })}>
            <textarea
              className="input textarea"
              dir="auto"
              rows={3}
              maxLength={5000}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </Field>
          <div className="row-actions">
            <button type="submit" className="button button-danger button-small" disabled={busy}>
              {t("answerForm.object")}
            </button>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => {
                setObjecting(false);
                setError(null);
              }}
            >
              {tc("cancel")}
            </button>
          </div>
        </form>
      ) : (
        <div className="row-actions">
          {state !== "approved" ? (
            <button
              type="button"
              className="button button-primary button-small"
              disabled={busy}
              onClick={() => void send("approve")}
            >
              {t("answerForm.approveFor", { name })}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy}
            onClick={() => setObjecting(true)}
          >
            {state === "objected"
              ? t("answerForm.changeObjection")
              : t("answerForm.objectEllipsis")}
          </button>
        </div>
      )}
      {error ? <Notice tone="error">{describeError(error)}</Notice> : null}
    </div>
  );
}
