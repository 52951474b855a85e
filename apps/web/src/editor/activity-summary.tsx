import { GCM_OBJECTIVES } from "@junction/domain";
import type { ActivityAttributes } from "@junction/domain/doc";
import { memo } from "react";
import { useEditorContext } from "./editor-context";

// one formatter for every card: toLocaleString with options builds a new one per call
const AMOUNT = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

function formatAmount(amount: number): string {
  return AMOUNT.format(amount);
}

/** A collapsed card's fields as one line of text: who, what for, where, how much. */
export const ActivitySummary = memo(function ActivitySummary({
  fields,
}: {
  fields: ActivityAttributes;
}) {
  const { organisationLabel } = useEditorContext();
  const parts: { label: string; text: string }[] = [];
  if (fields.partners.length > 0)
    parts.push({ label: "Partners", text: fields.partners.map(organisationLabel).join(", ") });
  if (fields.gcmObjectives.length > 0) {
    parts.push({
      label: "GCM",
      text: fields.gcmObjectives
        .map((n) => `${n} ${GCM_OBJECTIVES[n - 1]?.short ?? ""}`.trim())
        .join(", "),
    });
  }
  if (fields.sdgTargets.length > 0)
    parts.push({ label: "SDG", text: fields.sdgTargets.join(", ") });
  if (fields.locations.length > 0)
    parts.push({ label: "Places", text: fields.locations.join(", ") });
  if (fields.targetGroups.length > 0)
    parts.push({ label: "For", text: fields.targetGroups.join(", ") });
  const { budget } = fields;
  if (budget && budget.amount !== null) {
    parts.push({
      label: "Budget",
      text: `${formatAmount(budget.amount)} ${budget.currency}, ${budget.secured ? "secured" : "required"}`,
    });
  }
  if (fields.indicators.length > 0) {
    parts.push({
      label: "Indicators",
      text: String(fields.indicators.length),
    });
  }
  if (parts.length === 0) return <p className="activity-summary af-empty">No details yet.</p>;
  return (
    <p className="activity-summary">
      {parts.map((part) => (
        <span key={part.label} className="activity-summary-part">
          <span className="activity-summary-label">{part.label}</span> {part.text}
        </span>
      ))}
    </p>
  );
});
