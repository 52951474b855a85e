import type { WarningView } from "@junction/domain";
import { reasonKind, STRENGTH_LABELS, sentenceCase, warningStrength } from "./warning-logic";

export function StrengthBadge({ score }: { score: number }) {
  const strength = warningStrength(score);
  return (
    <span className={`badge strength strength-${strength}`}>
      <span className="badge-dot" aria-hidden="true" />
      {STRENGTH_LABELS[strength]}
    </span>
  );
}

const STATUS_LABELS: Record<WarningView["status"], string> = {
  open: "Open",
  dismissed: "Not a duplicate",
  coordinate: "Coordinating",
};

export function WarningStatusBadge({ status }: { status: WarningView["status"] }) {
  return <span className={`badge warning-status-${status}`}>{STATUS_LABELS[status]}</span>;
}

/** The engine's reasons, each a fact a person can check against the two activities. */
export function ReasonList({ reasons, label }: { reasons: readonly string[]; label: string }) {
  return (
    <ul className="checklist" aria-label={label}>
      {reasons.map((reason) => {
        const kind = reasonKind(reason);
        return (
          <li key={reason} className={`checklist-${kind}`}>
            <svg className="checklist-mark" viewBox="0 0 16 16" aria-hidden="true">
              <path d={kind === "for" ? "M3.5 8.5l3 3 6-7" : "M4 8h8"} />
            </svg>
            <span>
              {sentenceCase(reason)}
              {kind === "against" ? (
                <span className="visually-hidden"> (speaks against)</span>
              ) : null}
            </span>
          </li>
        );
      })}
    </ul>
  );
}

export function WarningIcon() {
  return (
    <svg className="warning-icon" viewBox="0 0 20 20" aria-hidden="true">
      <path d="M10 2.5l8 14.5H2z" />
      <path className="warning-icon-mark" d="M10 8v4M10 14.6v.1" />
    </svg>
  );
}
