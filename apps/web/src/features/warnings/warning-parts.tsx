import type { WarningView } from "@junction/domain";
import { type MessageKey, useT } from "../../i18n";
import { reasonKind, STRENGTH_KEYS, sentenceCase, warningStrength } from "./warning-logic";

export function StrengthBadge({ score }: { score: number }) {
  const t = useT("warnings");
  const strength = warningStrength(score);
  return (
    <span className={`badge strength strength-${strength}`}>
      <span className="badge-dot" aria-hidden="true" />
      {t(STRENGTH_KEYS[strength])}
    </span>
  );
}

const STATUS_KEYS: Record<WarningView["status"], MessageKey<"warnings">> = {
  open: "status.open",
  dismissed: "status.dismissed",
  coordinate: "status.coordinate",
};

export function WarningStatusBadge({ status }: { status: WarningView["status"] }) {
  const t = useT("warnings");
  return <span className={`badge warning-status-${status}`}>{t(STATUS_KEYS[status])}</span>;
}

/**
 * The engine's reasons, each a fact a person can check against the two activities. The engine
 * writes them in English, so they are marked `lang="en"` (read with English rules by screen readers).
 */
export function ReasonList({ reasons, label }: { reasons: readonly string[]; label: string }) {
  const t = useT("warnings");
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
              <span lang="en" dir="ltr">
                {sentenceCase(reason)}
              </span>
              {kind === "against" ? (
                <span className="visually-hidden"> {t("reasons.against")}</span>
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
