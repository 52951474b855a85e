import type { Budget, SuggestedBudget, SuggestionField } from "@junction/domain";
import { useState } from "react";
import { FormDialog } from "../ui/dialog";
import { Field } from "../ui/field";
import { formatMonth, parseAmount, parseCurrency } from "./activity-fields";
import type { SuggestionTarget } from "./suggestions";

export type SuggestionMessage = { reason: string };

function ReasonField({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  return (
    <Field label="Reason (optional)" hint="Shown with the suggestion; others can reply to it.">
      <textarea
        className="input"
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
  const { quote } = target.anchor;
  const isInsertion = quote === "";
  const [text, setText] = useState(quote);
  const [reason, setReason] = useState("");
  return (
    <FormDialog
      open
      title={isInsertion ? "Suggest an insertion" : "Suggest a change"}
      description={
        isInsertion ? (
          "Propose words to insert at the cursor. An editor of the lead organisation or a coordinator accepts or rejects it."
        ) : (
          <>
            Replacing <q className="suggest-quote">{quote}</q>. An editor of the lead organisation
            or a coordinator accepts or rejects it.
          </>
        )
      }
      submitLabel="Suggest"
      onClose={onClose}
      onSubmit={async () => {
        if (text === quote) {
          throw new Error(
            isInsertion
              ? "Type the words to insert."
              : "Change the wording first (or empty the field to suggest deleting it).",
          );
        }
        await onSubmit(text, { reason: reason.trim() });
      }}
    >
      <Field
        label={isInsertion ? "Words to insert" : "Proposed wording"}
        hint={isInsertion ? undefined : "Leave it empty to suggest deleting the text."}
      >
        <textarea
          className="input suggest-text"
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
  const [amount, setAmount] = useState(
    current.budget?.amount === null || current.budget === null ? "" : String(current.budget.amount),
  );
  const [currency, setCurrency] = useState(current.budget?.currency ?? "");
  const [month, setMonth] = useState(current.month ?? "");
  const [reason, setReason] = useState("");
  const [errors, setErrors] = useState<{ amount?: string; currency?: string }>({});
  const what = field === "budget" ? "budget" : field === "start" ? "start" : "end";

  const parseValue = (): FieldValue => {
    if (field !== "budget") return month === "" ? null : month;
    if (amount.trim() === "" && currency.trim() === "") return null;
    const parsedAmount = parseAmount(amount);
    const parsedCurrency = parseCurrency(currency);
    const next = {
      amount: parsedAmount.ok
        ? parsedAmount.value === null
          ? "Enter an amount, or empty both fields to suggest no budget."
          : undefined
        : parsedAmount.message,
      currency: parsedCurrency.ok ? undefined : parsedCurrency.message,
    };
    setErrors(next);
    if (!parsedAmount.ok || parsedAmount.value === null || !parsedCurrency.ok) {
      throw new Error("Check the budget: it needs an amount and a currency.");
    }
    return { amount: parsedAmount.value, currency: parsedCurrency.value };
  };

  const currentText =
    field === "budget"
      ? current.budget && current.budget.amount !== null
        ? `${current.budget.amount} ${current.budget.currency}`
        : "not set"
      : current.month
        ? formatMonth(current.month)
        : "not set";

  return (
    <FormDialog
      open
      title={`Suggest a new ${what}`}
      description={
        <>
          For “{activityTitle || "Untitled activity"}”; now {currentText}. An editor of the lead
          organisation or a coordinator accepts or rejects it.
        </>
      }
      submitLabel="Suggest"
      onClose={onClose}
      onSubmit={async () => {
        const value = parseValue();
        if (isUnchanged(field, value, current)) {
          throw new Error(`That is the ${what} it has now: change it first.`);
        }
        await onSubmit(value, { reason: reason.trim() });
      }}
    >
      {field === "budget" ? (
        <div className="suggest-budget">
          <Field label="Amount" error={errors.amount ?? null}>
            <input
              className="input"
              inputMode="decimal"
              autoComplete="off"
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
          </Field>
          <Field label="Currency" error={errors.currency ?? null}>
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
          label={field === "start" ? "Starts" : "Ends"}
          hint="Leave it empty to suggest no date."
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
