import type { LifecycleView, ValidationOrganisation } from "@junction/domain";
import { type FormEvent, useId, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { formatCount, formatDateTime } from "../../lib/format";
import { Field } from "../../ui/field";
import { EmptyState, Notice } from "../../ui/states";
import {
  ANSWER_LABELS,
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
  const validation = lifecycle.validation;
  const [overruling, setOverruling] = useState<ValidationOrganisation | null>(null);
  const headingId = useId();

  if (!validation) {
    return (
      <section className="panel-section lifecycle-panel" aria-labelledby={headingId}>
        <h2 id={headingId} className="panel-title">
          Validation
        </h2>
        <EmptyState title="Not in validation yet">
          <p className="muted small">
            When a coordinator sends the plan for validation, each organisation that leads an
            activity approves or objects here, and the plan can be adopted once no objection stands.
          </p>
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
        Validation
      </h2>
      <p className="muted small">
        {validation.current
          ? validationSummary(validation)
          : `The last round ended ${validation.endedAt ? formatDateTime(validation.endedAt) : ""}: ${validationSummary(validation)}`}
      </p>
      {mine ? (
        <AnswerForm
          workplanId={workplan.id}
          organisation={mine}
          onChanged={onChanged}
          key={`${mine.organisationId}:${mine.answer ?? ""}`}
        />
      ) : null}
      {mayAnswer && !mine ? (
        <p className="muted small">
          Your organisation leads no activity in this plan, so it is not asked to validate it.
        </p>
      ) : null}
      {validation.organisations.length === 0 ? (
        <p className="muted small">No organisation leads an activity in this plan.</p>
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
  const state = answerState(organisation);
  const name = organisationName(organisation);
  return (
    <li className={`validation-row validation-${state}`}>
      <div className="validation-row-head">
        <span className="validation-org" title={organisation.name}>
          {name}
        </span>
        <span className={`tag validation-tag validation-tag-${state}`}>{ANSWER_LABELS[state]}</span>
      </div>
      <p className="muted small">
        Leads {formatCount(organisation.activityCount, "activity", "activities")}
        {organisation.answeredByName && organisation.answeredAt
          ? ` · ${organisation.answeredByName}, ${formatDateTime(organisation.answeredAt)}`
          : null}
      </p>
      {organisation.comment ? (
        <blockquote className="validation-comment">{organisation.comment}</blockquote>
      ) : null}
      {organisation.overrule ? (
        <p className="small validation-overrule">
          Overruled by {organisation.overrule.byName}: {organisation.overrule.reason}
        </p>
      ) : null}
      {canOverrule ? (
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={onOverrule}
          aria-label={`Overrule ${name}'s objection`}
        >
          Overrule…
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
      setError(new Error("Say what must change: an objection needs a comment."));
      return;
    }
    void send("object");
  };

  return (
    <div className="validation-answer card">
      <p className="validation-answer-title">
        Your organisation, {name}:{" "}
        <strong>
          {state === "pending" ? "not answered yet" : ANSWER_LABELS[state].toLowerCase()}
        </strong>
      </p>
      {objecting ? (
        <form className="stack-tight" onSubmit={submitObjection}>
          <Field label={`What must change before ${name} approves`}>
            <textarea
              className="input textarea"
              rows={3}
              maxLength={5000}
              value={comment}
              onChange={(event) => setComment(event.target.value)}
            />
          </Field>
          <div className="row-actions">
            <button type="submit" className="button button-danger button-small" disabled={busy}>
              Object
            </button>
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => {
                setObjecting(false);
                setError(null);
              }}
            >
              Cancel
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
              Approve for {name}
            </button>
          ) : null}
          <button
            type="button"
            className="button button-secondary button-small"
            disabled={busy}
            onClick={() => setObjecting(true)}
          >
            {state === "objected" ? "Change the objection…" : "Object…"}
          </button>
        </div>
      )}
      {error ? <Notice tone="error">{describeError(error)}</Notice> : null}
    </div>
  );
}
