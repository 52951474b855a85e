import type { LifecycleView, Stage, ValidationOrganisation } from "@junction/domain";
import { useEffect, useId, useState } from "react";
import { api } from "../../api/client";
import { navigate } from "../../app/router";
import { type Translate, useFormat, useT } from "../../i18n";
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
  const t = useT("lifecycle");
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
        setReasonError(t("forward.reasonMissing"));
        throw new Error(t("forward.reasonNeeded"));
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
      title={t("forward.title", { action: moveLabel(t, lifecycle.stage, to) })}
      submitLabel={mustOverrule ? t("forward.overruleAndAdopt") : moveLabel(t, lifecycle.stage, to)}
      tone={to === "adopted" ? "danger" : "primary"}
      onSubmit={submit}
      description={moveExplanation(t, to)}
    >
      {to === "consultation" ? (
        <Field label={t("deadline.label")} hint={t("forward.deadlineHint")}>
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
            label={t("overrule.reasonLabel")}
            hint={t("forward.reasonHint")}
            error={reasonError}
          >
            <textarea
              className="input textarea"
              dir="auto"
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

function moveExplanation(t: Translate<"lifecycle">, to: Stage): string {
  switch (to) {
    case "draft":
      return "";
    case "consultation":
      return t("explain.consultation");
    case "validation":
      return t("explain.validation");
    case "adopted":
      return t("explain.adopted");
  }
}

function StandingObjections({ objections }: { objections: readonly ValidationOrganisation[] }) {
  const t = useT("lifecycle");
  const f = useFormat();
  return (
    <div className="stack-tight">
      <p>
        {t("objections.intro", {
          count: objections.length,
          names: f.list(objections.map(organisationName)),
        })}
      </p>
      <ul className="objection-list">
        {objections.map((organisation) => (
          <li key={organisation.organisationId}>
            <strong>{organisationName(organisation)}</strong>
            {organisation.answeredByName
              ? ` ${t("objections.answeredBy", { name: organisation.answeredByName })}`
              : null}
            : <span dir="auto">{organisation.comment}</span>
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
  const t = useT("lifecycle");
  const tc = useT("common");
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
    if (!to) throw new Error(t("back.chooseStage"));
    if (reason.trim() === "") {
      setReasonError(t("back.reasonRequired"));
      throw new Error(t("back.reasonNeeded"));
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
      title={t("back.title")}
      description={t("back.description", {
        stage: tc(`stage.${lifecycle.stage}`).toLocaleLowerCase(t.locale),
      })}
      submitLabel={to ? moveLabel(t, lifecycle.stage, to) : t("back.submit")}
      onSubmit={submit}
    >
      {choices.length > 1 ? (
        <fieldset className="radio-group" aria-describedby={`${groupId}-hint`}>
          <legend className="field-label">{t("back.legend")}</legend>
          {choices.map((stage) => (
            <label key={stage} className="radio">
              <input
                type="radio"
                name={groupId}
                value={stage}
                checked={to === stage}
                onChange={() => setTo(stage)}
              />
              {tc(`stage.${stage}`)}
            </label>
          ))}
          <p id={`${groupId}-hint`} className="field-hint">
            {t("back.hint")}
          </p>
        </fieldset>
      ) : null}
      <Field label={t("back.reason")} error={reasonError}>
        <textarea
          className="input textarea"
          dir="auto"
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
  const t = useT("lifecycle");
  const [value, setValue] = useState(deadline ?? "");
  useEffect(() => {
    if (open) setValue(deadline ?? "");
  }, [open, deadline]);
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={t("deadline.title")}
      description={
        deadline
          ? t("deadline.current", { date: formatDay(deadline, new Date(), t.locale) })
          : t("deadline.none")
      }
      submitLabel={t("deadline.save")}
      onSubmit={async () => {
        await api.setConsultationDeadline(workplan.id, value === "" ? null : value);
        onChanged();
      }}
    >
      <Field label={t("deadline.label")} hint={t("deadline.hint")}>
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
  const t = useT("lifecycle");
  return (
    <FormDialog
      open={open}
      onClose={onClose}
      title={t("revision.title")}
      description={t("revision.description", { title: workplan.title })}
      submitLabel={t("revision.submit")}
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
  const t = useT("lifecycle");
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
      title={t("overrule.title", { name })}
      description={organisation ? `“${organisation.comment}”` : undefined}
      submitLabel={t("overrule.submit")}
      tone="danger"
      onSubmit={async () => {
        if (!organisation) return;
        if (reason.trim() === "") {
          setReasonError(t("overrule.reasonMissing"));
          throw new Error(t("overrule.reasonNeeded"));
        }
        await api.overruleObjection(workplan.id, {
          organisationId: organisation.organisationId,
          reason: reason.trim(),
        });
        onChanged();
      }}
    >
      <Field label={t("overrule.reasonLabel")} error={reasonError}>
        <textarea
          className="input textarea"
          dir="auto"
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
