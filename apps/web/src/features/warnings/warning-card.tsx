import type { WarningDecision, WarningSide, WarningView } from "@junction/domain";
import { Link } from "../../app/router";
import { useFormat, useT } from "../../i18n";
import { WarningActions } from "./warning-actions";
import { activityHref } from "./warning-logic";
import { ReasonList, StrengthBadge, WarningStatusBadge } from "./warning-parts";

type WarningCardProps = {
  warning: WarningView;
  canDecide: boolean;
  nameOf: (userId: string) => string | undefined;
  onCoordinate: (warning: WarningView) => void;
  onDecided: (warning: WarningView, decision: WarningDecision) => void;
};

function SideSummary({ side, label }: { side: WarningSide; label: string }) {
  const t = useT("warnings");
  return (
    <div className="warning-side">
      <span className="warning-side-lead">
        <span className="visually-hidden">{t("card.ledBy", { side: label })} </span>
        {side.lead ?? <span className="muted">{t("card.noLead")}</span>}
      </span>
      <Link to={activityHref(side)} className="warning-side-title" dir="auto">
        {side.title || t("untitledActivity")}
      </Link>
      <span className="warning-side-workplan muted small" dir="auto">
        {side.workplanTitle}
      </span>
    </div>
  );
}

/** One pair of activities that may be the same work, with why and what a coordinator decided. */
export function WarningCard({
  warning,
  canDecide,
  nameOf,
  onCoordinate,
  onDecided,
}: WarningCardProps) {
  const t = useT("warnings");
  const f = useFormat();
  const headingId = `warning-${warning.id}`;
  const decided = warning.status !== "open";
  return (
    <article
      className={`card warning-card${decided ? " warning-card-decided" : ""}`}
      aria-labelledby={headingId}
      data-warning-id={warning.id}
    >
      <header className="warning-card-header">
        <h3 id={headingId} className="visually-hidden">
          {t("card.pair", {
            a: warning.a.title || t("untitledActivity"),
            b: warning.b.title || t("untitledActivity"),
          })}
        </h3>
        <StrengthBadge score={warning.score} />
        {decided ? <WarningStatusBadge status={warning.status} /> : null}
        <span className="warning-card-time muted small">
          {t("card.raised", { when: f.relative(warning.createdAt) })}
        </span>
      </header>
      <div className="warning-pair">
        <SideSummary side={warning.a} label={t("card.first")} />
        <span className="warning-pair-sign" aria-hidden="true">
          ≈
        </span>
        <SideSummary side={warning.b} label={t("card.second")} />
      </div>
      {decided ? (
        <details className="warning-reasons">
          <summary className="warning-reasons-title">
            {t("card.whyLooked", { count: warning.reasons.length })}
          </summary>
          <ReasonList reasons={warning.reasons} label={t("reasons.label")} />
        </details>
      ) : (
        <div className="warning-reasons">
          <h4 className="warning-reasons-title">{t("card.whyLook")}</h4>
          <ReasonList reasons={warning.reasons} label={t("reasons.label")} />
        </div>
      )}
      <footer className="warning-card-footer">
        <WarningActions
          warning={warning}
          canDecide={canDecide}
          nameOf={nameOf}
          onCoordinate={onCoordinate}
          onDecided={onDecided}
        />
      </footer>
    </article>
  );
}
