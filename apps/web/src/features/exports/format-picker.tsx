import { useT } from "../../i18n";
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
  const t = useT("exports");
  return (
    <fieldset className="format-picker" disabled={disabled}>
      <legend className="field-label">{t("format.legend")}</legend>
      {formats.map((format) => (
        <label key={format} className="format-option">
          <input
            type="radio"
            name="export-format"
            value={format}
            checked={value === format}
            onChange={() => onChange(format)}
          />
          <span>
            <span className="format-label">{t(`format.${format}.label`)}</span>
            <span className="format-hint muted small">{t(`format.${format}.hint`)}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
