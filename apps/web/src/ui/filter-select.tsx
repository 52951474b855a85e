export type FilterOption = { readonly value: string; readonly label: string };

/** One labelled select in a page's filter bar. */
export function FilterSelect({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: string;
  options: readonly FilterOption[];
  onChange: (value: string) => void;
}) {
  return (
    <label className="warning-filter">
      <span className="warning-filter-label">{label}</span>
      <select
        className="select select-compact"
        value={value}
        onChange={(event) => onChange(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </label>
  );
}
