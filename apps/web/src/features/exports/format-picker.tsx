import type { FormatChoice } from "./formats";

export function FormatPicker({
  formats,
  value,
  onChange,
  disabled,
}: {
  formats: readonly FormatChoice[];
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
}) {
  return (
    <fieldset className="format-picker" disabled={disabled}>
      <legend className="field-label">Format</legend>
      {formats.map((format) => (
        <label key={format.value} className="format-option">
          <input
            type="radio"
            name="export-format"
            value={format.value}
            checked={value === format.value}
            onChange={() => onChange(format.value)}
          />
          <span>
            <span className="format-label">{format.label}</span>
            <span className="format-hint muted small">{format.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
