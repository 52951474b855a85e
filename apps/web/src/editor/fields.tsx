import {
  type InputHTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
  useId,
  useState,
} from "react";
import { useT } from "../i18n";
import type { Parsed } from "./activity-fields";

type DraftInputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & {
  value: string;
  onCommit: (value: string) => void;
};

type CheckedInputProps<T> = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  "value" | "onChange" | "aria-describedby"
> & {
  value: string;
  /** Reads what was typed: a value to write, or what is wrong with it. */
  parse: (text: string) => Parsed<T>;
  onCommit: (value: T) => void;
  describedBy?: string;
};

/**
 * A text input that checks what was typed on blur or Enter: a valid value is written, an invalid
 * one stays in the field with a message saying what to change (nothing typed is thrown away).
 */
export function CheckedInput<T>({
  value,
  parse,
  onCommit,
  describedBy,
  onBlur,
  onKeyDown,
  ...props
}: CheckedInputProps<T>) {
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const commit = () => {
    if (draft === null) return;
    const parsed = parse(draft);
    if (!parsed.ok) {
      setError(parsed.message);
      return;
    }
    setError(null);
    setDraft(null);
    const current = parse(value);
    if (!current.ok || current.value !== parsed.value) onCommit(parsed.value);
  };
  const described = [describedBy, error ? errorId : undefined].filter(Boolean).join(" ");
  return (
    <>
      <input
        {...props}
        value={draft ?? value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          if (error) setError(null);
        }}
        onBlur={(event) => {
          commit();
          onBlur?.(event);
        }}
        onKeyDown={(event) => {
          if (event.key === "Enter") {
            event.preventDefault();
            commit();
          } else if (event.key === "Escape") {
            setDraft(null);
            setError(null);
          }
          onKeyDown?.(event);
        }}
      />
      {error ? (
        <span className="af-error" id={errorId} role="alert">
          {error}
        </span>
      ) : null}
    </>
  );
}

/** A text input that writes to the document on blur or Enter, not on every keystroke. */
export function DraftInput({ value, onCommit, onBlur, onKeyDown, ...props }: DraftInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <input
      {...props}
      value={draft ?? value}
      onChange={(event) => setDraft(event.target.value)}
      onBlur={(event) => {
        commit();
        onBlur?.(event);
      }}
      onKeyDown={(event) => {
        if (event.key === "Enter") {
          event.preventDefault();
          commit();
        } else if (event.key === "Escape") {
          setDraft(null);
        }
        onKeyDown?.(event);
      }}
    />
  );
}

export type Span = 1 | 2 | 3 | 4;

export function FieldBlock({
  label,
  htmlFor,
  labelId,
  span = 1,
  children,
}: {
  label: string;
  htmlFor?: string;
  labelId?: string;
  /** Columns of the four-column field grid. */
  span?: Span;
  children: ReactNode;
}) {
  return (
    <div className={`af-field af-span-${span}`}>
      {htmlFor ? (
        <label className="af-label" htmlFor={htmlFor} id={labelId}>
          {label}
        </label>
      ) : (
        <span className="af-label" id={labelId}>
          {label}
        </span>
      )}
      {children}
    </div>
  );
}

export type ChipOption = {
  value: string;
  /** Text of the chip. */
  label: string;
  /** A number or code shown before it (GCM 5, SDG 10.7). */
  short?: string;
  /** Tooltip on the chip. */
  title?: string;
  /** Text in the add menu, when it should say more than the chip. */
  option?: string;
};
export type ChipGroup = { label: string; options: readonly ChipOption[] };

/** Chips for the chosen values, and a select to add one more (native, so it works with any keyboard). */
export function ChipPicker({
  label,
  values,
  groups,
  canEdit,
  addLabel,
  emptyLabel,
  tone,
  onChange,
  span,
  hint,
}: {
  label: string;
  values: readonly string[];
  groups: readonly ChipGroup[];
  canEdit: boolean;
  addLabel: string;
  emptyLabel: string;
  tone?: "objective" | "principle" | "sdg" | "org";
  onChange: (values: string[]) => void;
  span?: Span;
  /** Why the field is read-only, under it. */
  hint?: string;
}) {
  const t = useT("editor");
  const labelId = useId();
  const hintId = useId();
  const known = new Map(groups.flatMap((g) => g.options.map((o) => [o.value, o] as const)));
  const remaining = groups
    .map((g) => ({ ...g, options: g.options.filter((o) => !values.includes(o.value)) }))
    .filter((g) => g.options.length > 0);
  return (
    <FieldBlock label={label} labelId={labelId} span={span}>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would bring its own legend layout */}
      <div
        className="chips"
        role="group"
        aria-labelledby={labelId}
        aria-describedby={hint ? hintId : undefined}
      >
        {values.length === 0 && !canEdit ? <span className="af-empty">{emptyLabel}</span> : null}
        {values.map((value) => {
          const option = known.get(value);
          return (
            <span key={value} className={`chip chip-${tone ?? "plain"}`} title={option?.title}>
              {option?.short ? <span className="chip-key">{option.short}</span> : null}
              <span className="chip-text" dir="auto">
                {option?.label ?? value}
              </span>
              {canEdit ? (
                <button
                  type="button"
                  className="chip-remove"
                  aria-label={t("chips.remove", {
                    name: `${option?.short ? `${option.short} ` : ""}${option?.label ?? value}`,
                  })}
                  onClick={() => onChange(values.filter((v) => v !== value))}
                >
                  <span aria-hidden="true">×</span>
                </button>
              ) : null}
            </span>
          );
        })}
        {canEdit && remaining.length > 0 ? (
          <select
            className="chip-add"
            aria-label={addLabel}
            value=""
            onChange={(event) => {
              const value = event.target.value;
              if (value !== "" && !values.includes(value)) onChange([...values, value]);
            }}
          >
            <option value="">{t("chips.add")}</option>
            {remaining.length === 1 && remaining[0]
              ? remaining[0].options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.short ? `${o.short} · ` : ""}
                    {o.option ?? o.label}
                  </option>
                ))
              : remaining.map((g) => (
                  <optgroup key={g.label} label={g.label}>
                    {g.options.map((o) => (
                      <option key={o.value} value={o.value}>
                        {o.short ? `${o.short} · ` : ""}
                        {o.option ?? o.label}
                      </option>
                    ))}
                  </optgroup>
                ))}
          </select>
        ) : null}
      </div>
      {hint ? (
        <span className="af-hint" id={hintId}>
          {hint}
        </span>
      ) : null}
    </FieldBlock>
  );
}

/** Free tags (places, target groups) with suggestions from the rest of the network. */
export function TagInput({
  label,
  addLabel,
  values,
  canEdit,
  listId,
  placeholder,
  emptyLabel,
  onChange,
  span,
}: {
  label: string;
  /** The input's accessible name ("Add to locations"). */
  addLabel: string;
  values: readonly string[];
  canEdit: boolean;
  span?: Span;
  listId: string;
  placeholder: string;
  emptyLabel: string;
  onChange: (values: string[]) => void;
}) {
  const t = useT("editor");
  const labelId = useId();
  const inputId = useId();
  const [draft, setDraft] = useState("");
  const add = () => {
    const value = draft.trim().replace(/\s+/g, " ");
    setDraft("");
    if (value === "" || values.some((v) => v.toLowerCase() === value.toLowerCase())) return;
    onChange([...values, value]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter" || event.key === ",") {
      event.preventDefault();
      add();
    } else if (event.key === "Backspace" && draft === "" && values.length > 0) {
      onChange(values.slice(0, -1));
    }
  };
  return (
    <FieldBlock label={label} labelId={labelId} span={span}>
      {/* biome-ignore lint/a11y/useSemanticElements: a fieldset would bring its own legend layout */}
      <div className="chips" role="group" aria-labelledby={labelId}>
        {values.length === 0 && !canEdit ? <span className="af-empty">{emptyLabel}</span> : null}
        {values.map((value) => (
          <span key={value} className="chip chip-tag">
            <span className="chip-text" dir="auto">
              {value}
            </span>
            {canEdit ? (
              <button
                type="button"
                className="chip-remove"
                aria-label={t("chips.remove", { name: value })}
                onClick={() => onChange(values.filter((v) => v !== value))}
              >
                <span aria-hidden="true">×</span>
              </button>
            ) : null}
          </span>
        ))}
        {canEdit ? (
          <>
            <label htmlFor={inputId} className="visually-hidden">
              {addLabel}
            </label>
            <input
              id={inputId}
              className="chip-input"
              list={listId}
              dir="auto"
              value={draft}
              placeholder={placeholder}
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={onKeyDown}
              onBlur={add}
            />
          </>
        ) : null}
      </div>
    </FieldBlock>
  );
}
