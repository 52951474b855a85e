import type { Budget, SuggestedBudget, SuggestionField } from "@junction/domain";
import { useState } from "react";
import { useFormat, useT } from "../i18n";
import { FormDialog } from "../ui/dialog";
import { Field } from "../ui/field";
import { parseAmount, parseCurrency } from "./activity-fields";
import type { SuggestionTarget } from "./suggestions";

export type SuggestionMessage = { reason: string };

function ReasonField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const t = useT("suggestions");
  return (
    <Field label={t("dialog.reason")} hint={t("dialog.reasonHint")}>
      <textarea
        className="input"
        dir="auto"
        rows={2}
        maxLength={10_000}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </Field>
  );
}

/**
 * The proposed wording for the selected text (an empty field proposes deleting it), or for a caret
 * the words to insert there, with an optional reason. A button named "Suggest" submits it.
 */
export function SuggestTextDialog({
  target,
  onSubmit,
  onClose,
}: {
  target: SuggestionTarget;
  onSubmit: (text: string, message: SuggestionMessage) => Promise<void>;
  onClose: () => void;
}) {
  const t = useT("suggestions");
  const { quote } = target.anchor;
  const isInsertion = quote === "";
  const [text, setText] = useState(quote);
  const [reason, setReason] = useState("");
  return (
    <FormDialog
      open
      title={isInsertion ? t("dialog.insertTitle") : t("dialog.changeTitle")}
      description={
        isInsertion
          ? t("dialog.insertDescription")
          : t.rich("dialog.changeDescription", {
              quote,
              q: (chunks) => (
                <q className="suggest-quote" dir="auto">
                  {chunks}
                </q>
              ),
            })
      }
      submitLabel={t("button.suggest")}
      onClose={onClose}
      onSubmit={async () => {
        if (text === quote) {
          throw new Error(isInsertion ? t("dialog.typeWords") : t("dialog.changeFirst"));
        }
        await onSubmit(text, { reason: reason.trim() });
      }}
    >
      <Field
        label={isInsertion ? t("dialog.wordsToInsert") : t("dialog.proposedWording")}
        hint={isInsertion ? undefined : t("dialog.emptyToDelete")}
      >
        <textarea
          className="input suggest-text"
          dir="auto"
          rows={3}
          maxLength={10_000}
          // the person came to write the wording: it is what the dialog is for
          // biome-ignore lint/a11y/noAutofocus: the dialog opens on its one main field
          autoFocus
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </Field>
      <ReasonField value={reason} onChange={setReason} />
    </FormDialog>
  );
}

/** A field's value as a field suggestion sends it: the proposed budget or month, null to clear. */
export type FieldValue = SuggestedBudget | string | null;

/** A field's current value as its suggestion dialog starts from. */
export type FieldCurrent = { budget: Budget | null; month: string | null };

function isUnchanged(field: SuggestionField, value: FieldValue, current: FieldCurrent): boolean {
  if (field !== "budget") return value === current.month;
  if (value === null || typeof value === "string") return value === null && current.budget === null;
  return value.amount === current.budget?.amount && value.currency === current.budget.currency;
}

/** Proposes a new budget (amount and currency) or start or end month of an activity. */
export function SuggestFieldDialog({
  field,
  activityTitle,
  current,
  onSubmit,
  onClose,
}: {
  field: SuggestionField;
  activityTitle: string;
  current: FieldCurrent;
  onSubmit: (value: FieldValue, message: SuggestionMessage) => Promise<void>;
  onClose: () => void;
}) {
  const tEditor = useT("editor");
  const t = useT("suggestions");
  const f = useFormat();
  const [amount, setAmount] = useState(
    current.budget?.amount === null || current.budget === null ? "" : String(current.budget.amount),
  );
  const [currency, setCurrency] = useState(current.budget?.currency ?? "");
  const [month, setMonth] = useState(current.month ?? "");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ amount?: string; currency?: string }>({});

  const parseValue = (): FieldValue => {
    if (field !== "budget") return month === "" ? null : month;
    if (amount.trim() === "" && currency.trim() === "") return null;
    const parsedAmount = parseAmount(amount, tEditor);
    const parsedCurrency = parseCurrency(currency, tEditor);
    const next = {
      amount: parsedAmount.ok
        ? parsedAmount.value === null
          ? t("dialog.enterAmount")
          : undefined
        : parsedAmount.message,
      currency: parsedCurrency.ok ? undefined : parsedCurrency.message,
    };
    setErrors(next);
    if (!parsedAmount.ok || parsedAmount.value === null || !parsedCurrency.ok) {
      throw new Error(t("dialog.checkBudget"));
    }
    return { amount: parsedAmount.value, currency: parsedCurrency.value };
  };

  const currentText =
    field === "budget"
      ? current.budget && current.budget.amount !== null
        ? f.money(current.budget.amount, current.budget.currency)
        : t("notSet")
      : current.month
        ? f.month(current.month)
        : t("notSet");

  return (
    <FormDialog
      open
      title={t(`dialog.fieldTitle.${field}`)}
      description={t("dialog.fieldDescription", {
        title: activityTitle || t("dialog.untitled"),
        current: currentText,
      })}
      submitLabel={t("button.suggest")}
      onClose={onClose}
      onSubmit={async () => {
        const value = parseValue();
        if (isUnchanged(field, value, current)) {
          throw new Error(t(`dialog.unchanged.${field}`));
        }
        await onSubmit(value, { reason: reason.trim() });
      }}
    >
      {field === "budget" ? (
        <div className="suggest-budget">
          <Field label={t("dialog.amount")} error={errors.amount ?? null}>
            <input
              className="input"
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
          </Field>
          <Field label={t("dialog.currency")} error={errors.currency ?? null}>
            <input
              className="input"
              maxLength={8}
              autoComplete="off"
              value={currency}
              onChange={(event) => setCurrency(event.target.value)}
            />
          </Field>
        </div>
      ) : (
        <Field
          label={field === "start" ? t("dialog.starts") : t("dialog.ends")}
          hint={t("dialog.emptyForNoDate")}
        >
          <input
            className="input"
            type="month"
            value={month}
            onChange={(event) => setMonth(event.target.value)}
          />
        </Field>
      )}
      <ReasonField value={reason} onChange={setReason} />
    </FormDialog>
  );
}
