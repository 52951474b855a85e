import type { WarningDecision, WarningView } from "@junction/domain";
import { useState } from "react";
import { describeError } from "../../api/errors";
import { useT } from "../../i18n";
import { Notice } from "../../ui/states";
import { decideWarning } from "./use-warnings";
import { describeDecision } from "./warning-logic";

type WarningActionsProps = {
  warning: WarningView;
  canDecide: boolean;
  nameOf: (userId: string) => string | undefined;
  /** After "Coordinate" (and from "Create task" later): offer the task dialog. */
  onCoordinate: (warning: WarningView) => void;
  onDecided?: (warning: WarningView, decision: WarningDecision) => void;
  size?: "normal" | "small";
};

/** The decision line and, for coordinators, the buttons that decide or reopen a warning. */
export function WarningActions({
  warning,
  canDecide,
  nameOf,
  onCoordinate,
  onDecided,
  size = "normal",
}: WarningActionsProps) {
  const t = useT("warnings");
  const tc = useT("common");
  const [busy, setBusy] = useState<WarningDecision | null>(null);
  const [error, setError] = useState<unknown>(null);
  const decision = describeDecision(warning, nameOf, t);
  const small = size === "small" ? " button-small" : "";

  async function decide(value: WarningDecision) {
    setBusy(value);
    setError(null);
    try {
      const updated = await decideWarning(warning.id, value);
      onDecided?.(updated, value);
      if (value === "coordinate") onCoordinate(updated);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(null);
    }
  }

  const label = (value: WarningDecision, text: string) => (busy === value ? tc("saving") : text);

  return (
    <div className="warning-actions">
      {decision ? (
        <p className={`warning-decision warning-decision-${warning.status}`}>
          <span className="warning-decision-icon" aria-hidden="true" />
          {decision}
        </p>
      ) : canDecide || size === "small" ? null : (
        <p className="muted small">{t("coordinatorWillReview")}</p>
      )}
      {canDecide ? (
        <div className="warning-buttons">
          {warning.status === "open" ? (
            <>
              <button
                type="button"
                className={`button button-secondary${small}`}
                disabled={busy !== null}
                onClick={() => void decide("not-duplicate")}
              >
                {label("not-duplicate", t("action.notDuplicate"))}
              </button>
              <button
                type="button"
                className={`button button-primary${small}`}
                disabled={busy !== null}
                onClick={() => void decide("coordinate")}
              >
                {label("coordinate", t("action.coordinate"))}
              </button>
            </>
          ) : (
            <>
              {warning.status === "coordinate" ? (
                <button
                  type="button"
                  className={`button button-secondary${small}`}
                  onClick={() => onCoordinate(warning)}
                >
                  {t("action.createTask")}
                </button>
              ) : null}
              <button
                type="button"
                className={`button button-ghost${small}`}
                disabled={busy !== null}
                onClick={() => void decide("reopen")}
              >
                {label("reopen", t("action.reopen"))}
              </button>
            </>
          )}
        </div>
      ) : null}
      {error ? (
        <Notice tone="error" onDismiss={() => setError(null)}>
          {describeError(error)}
        </Notice>
      ) : null}
    </div>
  );
}
