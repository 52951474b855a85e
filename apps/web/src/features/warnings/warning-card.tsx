import type { WarningDecision, WarningSide, WarningView } from "@junction/domain";
import { Link } from "../../app/router";
import { formatRelative } from "../../lib/format";
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
  return (
    <div className="warning-side">
      <span className="warning-side-lead">
        <span className="visually-hidden">{label}, led by </span>
        {side.lead ?? <span className="muted">No lead yet</span>}
      </span>
      <Link to={activityHref(side)} className="warning-side-title">
        {side.title || "Untitled activity"}
      </Link>
      <span className="warning-side-workplan muted small">{side.workplanTitle}</span>
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
          {warning.a.title || "Untitled activity"} and {warning.b.title || "Untitled activity"}
        </h3>
        <StrengthBadge score={warning.score} />
        {decided ? <WarningStatusBadge status={warning.status} /> : null}
        <span className="warning-card-time muted small">
          Raised {formatRelative(warning.createdAt)}
        </span>
      </header>
      <div className="warning-pair">
        <SideSummary side={warning.a} label="First activity" />
        <span className="warning-pair-sign" aria-hidden="true">
          ≈
        </span>
        <SideSummary side={warning.b} label="Second activity" />
      </div>
      {decided ? (
        <details className="warning-reasons">
          <summary className="warning-reasons-title">
            Why they looked alike ({warning.reasons.length})
          </summary>
          <ReasonList reasons={warning.reasons} label="Reasons" />
        </details>
      ) : (
        <div className="warning-reasons">
          <h4 className="warning-reasons-title">Why they look alike</h4>
          <ReasonList reasons={warning.reasons} label="Reasons" />
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
