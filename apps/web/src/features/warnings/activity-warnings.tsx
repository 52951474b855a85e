import type { TaskView, WarningView } from "@junction/domain";
import { useState } from "react";
import { Link } from "../../app/router";
import { type MessageKey, useFormat, useT } from "../../i18n";
import { Notice } from "../../ui/states";
import { CoordinateTaskDialog } from "./coordinate-task-dialog";
import { useNetworkMembers } from "./use-members";
import { WarningActions } from "./warning-actions";
import { activityHref, otherSide, sortWarnings } from "./warning-logic";
import { ReasonList, StrengthBadge, WarningIcon } from "./warning-parts";

type ActivityWarningsProps = {
  /** This activity's warnings, e.g. `useWorkplanWarnings(workplanId).get(activityId)`. */
  warnings: readonly WarningView[];
  currentWorkplanId: string;
  activityId: string;
  /** Names the callout for assistive technology (one per card, so not a landmark). */
  activityTitle?: string;
  /** Coordinators decide; everyone else reads the decision. */
  canDecide: boolean;
};

const LEADS: Record<WarningView["status"], MessageKey<"warnings">> = {
  open: "line.open",
  coordinate: "line.coordinate",
  dismissed: "line.dismissed",
};

function WarningLine({
  warning,
  currentWorkplanId,
  activityId,
}: {
  warning: WarningView;
  currentWorkplanId: string;
  activityId: string;
}) {
  const t = useT("warnings");
  const f = useFormat();
  const other = otherSide(warning, currentWorkplanId, activityId);
  const where = [
    other.lead,
    other.workplanId === currentWorkplanId ? t("line.thisWorkplan") : other.workplanTitle,
  ].filter((part): part is string => Boolean(part));
  return (
    <p className="activity-warning-text">
      <strong>{t(LEADS[warning.status])}</strong>{" "}
      <Link to={activityHref(other)} dir="auto">
        {other.title || t("untitledActivity")}
      </Link>
      {where.length > 0 ? (
        <span className="muted"> {t("line.where", { where: f.list(where) })}</span>
      ) : null}
      {warning.status === "open" ? (
        <>
          {" "}
          <StrengthBadge score={warning.score} />
        </>
      ) : null}
    </p>
  );
}

/** "Why": the reasons render once asked for, so a plan of many warnings stays light. */
function Reasons({ reasons }: { reasons: readonly string[] }) {
  const t = useT("warnings");
  const [open, setOpen] = useState(false);
  return (
    <details
      className="activity-warning-reasons"
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="activity-warning-toggle">{t("why", { count: reasons.length })}</summary>
      {open ? <ReasonList reasons={reasons} label={t("reasons.label")} /> : null}
    </details>
  );
}

const BRIEF_SHOWN = 2;

/**
 * A collapsed card's warnings: the strongest two as one line each, and a button to the full
 * callout (reasons and decisions). Hundreds of cards then hold a few elements each for warnings.
 */
export function ActivityWarningsBrief({
  warnings,
  currentWorkplanId,
  activityId,
  activityTitle,
  controls,
  onShowAll,
}: Omit<ActivityWarningsProps, "canDecide"> & {
  /** The id of the element the full callout replaces this one in. */
  controls: string;
  onShowAll: () => void;
}) {
  const t = useT("warnings");
  if (warnings.length === 0) return null;
  const shown = sortWarnings(warnings).slice(0, BRIEF_SHOWN);
  const more = warnings.length - shown.length;
  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring its own legend layout
    <div
      className="activity-warnings activity-warnings-brief"
      role="group"
      aria-label={t("groupLabel", { title: activityTitle || t("untitledActivity") })}
    >
      {shown.map((warning) => (
        <div key={warning.id} className={`activity-warning activity-warning-${warning.status}`}>
          <WarningIcon />
          <WarningLine
            warning={warning}
            currentWorkplanId={currentWorkplanId}
            activityId={activityId}
          />
        </div>
      ))}
      <button
        type="button"
        className="button button-ghost button-small activity-warnings-more"
        aria-expanded={false}
        aria-controls={controls}
        onClick={onShowAll}
      >
        {more > 0 ? t("showAll", { count: warnings.length }) : t("showWhy")}
      </button>
    </div>
  );
}

/** A compact callout for an activity card: what it may duplicate, why, and the decision. */
export function ActivityWarnings({
  warnings,
  currentWorkplanId,
  activityId,
  activityTitle,
  canDecide,
}: ActivityWarningsProps) {
  const networkId = warnings[0]?.networkId ?? "";
  const { nameOf } = useNetworkMembers(networkId);
  const [taskFor, setTaskFor] = useState<WarningView | null>(null);
  const [created, setCreated] = useState<TaskView[]>([]);
  const t = useT("warnings");
  const f = useFormat();
  if (warnings.length === 0) return null;

  return (
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would bring its own legend layout
    <div
      className="activity-warnings"
      role="group"
      aria-label={t("groupLabel", { title: activityTitle || t("untitledActivity") })}
    >
      {warnings.map((warning) => (
        <div key={warning.id} className={`activity-warning activity-warning-${warning.status}`}>
          <WarningIcon />
          <div className="activity-warning-body">
            <WarningLine
              warning={warning}
              currentWorkplanId={currentWorkplanId}
              activityId={activityId}
            />
            <Reasons reasons={warning.reasons} />
            <WarningActions
              warning={warning}
              canDecide={canDecide}
              nameOf={nameOf}
              onCoordinate={setTaskFor}
              size="small"
            />
          </div>
        </div>
      ))}
      {created.length > 0 ? (
        <Notice tone="success" onDismiss={() => setCreated([])}>
          {t("tasksCreated", {
            count: created.length,
            names: f.list(created.map((task) => task.assigneeName ?? t("aMember"))),
          })}
        </Notice>
      ) : null}
      <CoordinateTaskDialog
        warning={taskFor}
        onClose={() => setTaskFor(null)}
        onCreated={setCreated}
      />
    </div>
  );
}
