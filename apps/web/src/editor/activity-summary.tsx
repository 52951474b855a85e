import { GCM_OBJECTIVES } from "@junction/domain";
import type { ActivityAttributes } from "@junction/domain/doc";
import { memo } from "react";
import { useFormat, useT } from "../i18n";
import { useEditorContext } from "./editor-context";

/** A collapsed card's fields as one line of text: who, what for, where, how much. */
export const ActivitySummary = memo(function ActivitySummary({
  fields,
}: {
  fields: ActivityAttributes;
}) {
  const t = useT("editor");
  const f = useFormat();
  const { organisationLabel } = useEditorContext();
  const parts: { key: string; label: string; text: string }[] = [];
  if (fields.partners.length > 0)
    parts.push({
      key: "partners",
      label: t("summary.partners"),
      text: fields.partners.map(organisationLabel).join(t("summary.separator")),
    });
  if (fields.gcmObjectives.length > 0) {
    parts.push({
      key: "gcm",
      label: t("summary.gcm"),
      text: fields.gcmObjectives
        .map((n) => `${n} ${GCM_OBJECTIVES[n - 1]?.short ?? ""}`.trim())
        .join(t("summary.separator")),
    });
  }
  if (fields.sdgTargets.length > 0)
    parts.push({
      key: "sdg",
      label: t("summary.sdg"),
      text: fields.sdgTargets.join(t("summary.separator")),
    });
  if (fields.locations.length > 0)
    parts.push({
      key: "places",
      label: t("summary.places"),
      text: fields.locations.join(t("summary.separator")),
    });
  if (fields.targetGroups.length > 0)
    parts.push({
      key: "for",
      label: t("summary.for"),
      text: fields.targetGroups.join(t("summary.separator")),
    });
  const { budget } = fields;
  if (budget && budget.amount !== null) {
    // the ISO code, not a symbol: "$" alone is ambiguous across a network's donors
    const money = {
      amount: f.number(budget.amount, { maximumFractionDigits: 2 }),
      currency: budget.currency,
    };
    parts.push({
      key: "budget",
      label: t("summary.budget"),
      text: budget.secured ? t("summary.budgetSecured", money) : t("summary.budgetRequired", money),
    });
  }
  if (fields.indicators.length > 0) {
    parts.push({
      key: "indicators",
      label: t("summary.indicators"),
      text: f.number(fields.indicators.length),
    });
  }
  if (parts.length === 0)
    return <p className="activity-summary af-empty">{t("summary.noDetails")}</p>;
  return (
    <p className="activity-summary">
      {parts.map((part) => (
        <span key={part.key} className="activity-summary-part">
          <span className="activity-summary-label">{part.label}</span> <bdi>{part.text}</bdi>
        </span>
      ))}
    </p>
  );
});
