import type { LifecycleView, Stage, ValidationOrganisation } from "@junction/domain";
import { useEffect, useId, useState } from "react";
import { api } from "../../api/client";
import { navigate } from "../../app/router";
import { STAGE_LABELS } from "../../lib/format";
import { FormDialog } from "../../ui/dialog";
import { Field } from "../../ui/field";
import { Notice } from "../../ui/states";
import {
  formatDay,
  moveLabel,
  organisationName,
  standingObjections,
  todayDay,
} from "./lifecycle-logic";

type WorkplanRef = { id: string; title: string };

type MoveForwardProps = {
  workplan: WorkplanRef;
  lifecycle: LifecycleView;
  to: Stage;
  open: boolean;
  onClose: () => void;
  /** After a move or an overrule went through (or failed because the plan changed meanwhile). */
  onChanged: () => void;
};

/**
 * Moves the plan one stage forward: asks for the consultation deadline, says what validation
 * does, and confirms adoption; a standing objection can be overruled (with a reason) first.
 */
export function MoveForwardDialog({
  workplan,
  lifecycle,
  to,
  open,
  onClose,
  onChanged,
}: MoveForwardProps) {
  const [deadline, setDeadline] = useState(lifecycle.consultation.deadline ?? "");
  const [reason, setReason] = useState("");
  const objections = to === "adopted" ? standingObjections(lifecycle.validation) : [];
  const mustOverrule = objections.length > 0;
  const [reasonError, setReasonError] = useState<string | null>(null);

  useEffect(() => {
    if (!open) return;
    setDeadline(lifecycle.consultation.deadline ?? "");
    setReason("");
    setReasonError(null);
  }, [open, lifecycle.consultation.deadline]);

  const submit = async () => {
    if (mustOverrule) {
      const trimmed = reason.trim();
      if (trimmed === "") {
        setReasonError("Say why the objection is overruled: it is recorded with the adoption.");
        throw new Error("A reason is needed to overrule the objection.");
      }
      for (const organisation of objections) {
        await api.overruleObjection(workplan.id, {
          organisationId: organisation.organisationId,
          reason: trimmed,
        });
      }
    }
    try {
      await api.moveStage(workplan.id, {
        stage: to,
        ...(to === "consultation" ? { deadline: deadline === "" ? null : deadline } : {}),
      });
    } finally {
      // an objection raised meanwhile shows up in the dialog at once
      onChanged();
    }
  };

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={`${moveLabel(lifecycle.stage, to)}?`}
      submitLabel={mustOverrule ? "Overrule and adopt" : moveLabel(lifecycle.stage, to)}
      tone={to === "adopted" ? "danger" : "primary"}
      onSubmit={submit}
      description={MOVE_EXPLANATIONS[to]}
    >
      {to === "consultation" ? (
        <Field
          label="Comments invited until"
          hint="Optional. Commenters see this day in their invitation; you can change it later."
        >
          <input
            className="input input-date"
            type="date"
            min={todayDay()}
            value={deadline}
            onChange={(event) => setDeadline(event.target.value)}
          />
        </Field>
      ) : null}
      {mustOverrule ? (
        <>
          <Notice tone="warning">
            <StandingObjections objections={objections} />
          </Notice>
          <Field
            label="Reason for overruling"
            hint="Recorded with the adoption; everyone sees it with the objection in the validation panel."
            error={reasonError}
          >
            <textarea
              className="input textarea"
              rows={3}
              maxLength={2000}
              value={reason}
              onChange={(event) => {
                setReason(event.target.value);
                setReasonError(null);
              }}
            />
          </Field>
        </>
      ) : null}
    </FormDialog>
  );
}

const MOVE_EXPLANATIONS: Record<Stage, string> = {
  draft: "",
  consultation:
    "Commenters of the network are invited to comment: they find the invitation on My work and in their notifications. Editors keep editing.",
  validation:
    "Each organisation that leads an activity is asked to approve or object; its editors are notified. The plan can be adopted once no objection stands.",
  adopted:
    "Adopting freezes the document for everyone, coordinators included: nobody can change it any more, and it stays readable for ever. To change it later, open a new revision.",
};

function StandingObjections({ objections }: { objections: readonly ValidationOrganisation[] }) {
  return (
    <div className="stack-tight">
      <p>
        {objections.map(organisationName).join(", ")}{" "}
        {objections.length === 1 ? "objects" : "object"} to the plan. Adopting it now overrules{" "}
        {objections.length === 1 ? "this objection" : "these objections"}.
      </p>
      <ul className="objection-list">
        {objections.map((organisation) => (
          <li key={organisation.organisationId}>
            <strong>{organisationName(organisation)}</strong>
            {organisation.answeredByName ? ` (${organisation.answeredByName})` : null}:{" "}
            {organisation.comment}
          </li>
        ))}
      </ul>
    </div>
  );
}

type MoveBackProps = {
  workplan: WorkplanRef;
  lifecycle: LifecycleView;
  open: boolean;
  onClose: () => void;
  onChanged: () => void;
};

/** Moves the plan back to an earlier stage; the reason is required and recorded. */
export function MoveBackDialog({ workplan, lifecycle, open, onClose, onChanged }: MoveBackProps) {
  const choices = lifecycle.earlierStages;
  const [to, setTo] = useState<Stage | null>(choices[choices.length - 1] ?? null);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const groupId = useId();
  const last = choices[choices.length - 1] ?? null;

  useEffect(() => {
    if (!open) return;
    setTo(last);
    setReason("");
    setReasonError(null);
  }, [open, last]);

  const submit = async () => {
    if (!to) throw new Error("Choose the stage to go back to.");
    if (reason.trim() === "") {
      setReasonError("A reason is required to move a plan back.");
      throw new Error("Say why the plan goes back: the reason is recorded with the move.");
    }
    try {
      await api.moveStage(workplan.id, { stage: to, reason: reason.trim() });
    } finally {
      onChanged();
    }
  };

  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Move the plan back"
      description={`It is in ${STAGE_LABELS[lifecycle.stage].toLowerCase()} now. Moving back saves a version and is recorded with your reason.`}
      submitLabel={to ? moveLabel(lifecycle.stage, to) : "Move back"}
      onSubmit={submit}
    >
      {choices.length > 1 ? (
        <fieldset className="radio-group" aria-describedby={`${groupId}-hint`}>
          <legend className="field-label">Back to</legend>
          {choices.map((stage) => (
            <label key={stage} className="radio">
              <input
                type="radio"
                name={groupId}
                value={stage}
                checked={to === stage}
                onChange={() => setTo(stage)}
              />
              {STAGE_LABELS[stage]}
            </label>
          ))}
          <p id={`${groupId}-hint`} className="field-hint">
            Going back from validation ends its round: the organisations answer again next time.
          </p>
        </fieldset>
      ) : null}
      <Field label="Reason" error={reasonError}>
        <textarea
          className="input textarea"
          rows={3}
          maxLength={2000}
          aria-required="true"
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setReasonError(null);
          }}
        />
      </Field>
    </FormDialog>
  );
}

type DeadlineProps = {
  workplan: WorkplanRef;
  deadline: string | null;
  open: boolean;
  onClose: () => void;
  onChanged: () => void;
};

/** Sets or clears the day commenters are invited until, during consultation. */
export function DeadlineDialog({ workplan, deadline, open, onClose, onChanged }: DeadlineProps) {
  const [value, setValue] = useState(deadline ?? "");
  useEffect(() => {
    if (open) setValue(deadline ?? "");
  }, [open, deadline]);
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Consultation deadline"
      description={
        deadline
          ? `Commenters are invited until ${formatDay(deadline)}.`
          : "No deadline is set: commenters are invited until the plan moves on."
      }
      submitLabel="Save deadline"
      onSubmit={async () => {
        await api.setConsultationDeadline(workplan.id, value === "" ? null : value);
        onChanged();
      }}
    >
      <Field label="Comments invited until" hint="Leave empty for no deadline.">
        <input
          className="input input-date"
          type="date"
          min={todayDay()}
          value={value}
          onChange={(event) => setValue(event.target.value)}
        />
      </Field>
    </FormDialog>
  );
}

/** Opens a new revision of an adopted plan and goes to it. */
export function OpenRevisionDialog({
  workplan,
  open,
  onClose,
}: {
  workplan: WorkplanRef;
  open: boolean;
  onClose: () => void;
}) {
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title="Open a new revision"
      description={`A new draft starts from the adopted text of “${workplan.title}” and links back to it. The adopted plan stays as it is, readable for ever.`}
      submitLabel="Open the revision"
      onSubmit={async () => {
        const revision = await api.openRevision(workplan.id);
        navigate(`/workplans/${encodeURIComponent(revision.id)}`);
      }}
    />
  );
}

type OverruleProps = {
  workplan: WorkplanRef;
  organisation: ValidationOrganisation | null;
  onClose: () => void;
  onChanged: () => void;
};

/** Overrules one organisation's objection with a reason, so the plan may be adopted. */
export function OverruleDialog({ workplan, organisation, onClose, onChanged }: OverruleProps) {
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  useEffect(() => {
    if (organisation) {
      setReason("");
      setReasonError(null);
    }
  }, [organisation]);
  const name = organisation ? organisationName(organisation) : "";
  return (
    <FormDialog
      open={organisation !== null}
      onClose={onClose}
      title={`Overrule ${name}'s objection`}
      description={organisation ? `“${organisation.comment}”` : undefined}
      submitLabel="Overrule"
      tone="danger"
      onSubmit={async () => {
        if (!organisation) return;
        if (reason.trim() === "") {
          setReasonError("Say why: the reason is recorded and shown to the organisation.");
          throw new Error("A reason is needed to overrule an objection.");
        }
        await api.overruleObjection(workplan.id, {
          organisationId: organisation.organisationId,
          reason: reason.trim(),
        });
        onChanged();
      }}
    >
      <Field label="Reason for overruling" error={reasonError}>
        <textarea
          className="input textarea"
          rows={3}
          maxLength={2000}
          value={reason}
          onChange={(event) => {
            setReason(event.target.value);
            setReasonError(null);
          }}
        />
      </Field>
    </FormDialog>
  );
}
