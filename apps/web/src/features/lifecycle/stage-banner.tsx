import type { LifecycleView } from "@junction/domain";
import { useState } from "react";
import "./lifecycle.css";
import { Link } from "../../app/router";
import { useT } from "../../i18n";
import {
  describeStage,
  moveLabel,
  newestRevision,
  revisionOfLabel,
  standingObjections,
} from "./lifecycle-logic";
import {
  DeadlineDialog,
  MoveBackDialog,
  MoveForwardDialog,
  OpenRevisionDialog,
} from "./stage-dialogs";

type Props = {
  workplan: { id: string; title: string };
  lifecycle: LifecycleView;
  /** Coordinators move the stage, set the deadline and open revisions. */
  canCoordinate: boolean;
  onChanged: () => void;
  /** Opens the editor panel's validation tab. */
  onShowValidation: () => void;
};

type OpenDialog = "forward" | "back" | "deadline" | "revision";

function workplanHref(id: string): string {
  return `/workplans/${encodeURIComponent(id)}`;
}

/** The stage under the workplan's title: what it means now, its links, and the coordinator's moves. */
export function StageBanner({
  workplan,
  lifecycle,
  canCoordinate,
  onChanged,
  onShowValidation,
}: Props) {
  const t = useT("lifecycle");
  const tc = useT("common");
  const [dialog, setDialog] = useState<OpenDialog | null>(null);
  const description = describeStage(t, lifecycle);
  const revision = lifecycle.stage === "adopted" ? newestRevision(lifecycle.revisions) : null;
  const objections = standingObjections(lifecycle.validation);
  const inValidation = lifecycle.stage === "validation";
  const movable = canCoordinate && !lifecycle.archived;
  const close = () => setDialog(null);

  return (
    <section
      className={`stage-banner stage-banner-${description.tone}`}
      aria-label={t("banner.label", { stage: tc(`stage.${lifecycle.stage}`) })}
    >
      <div className="stage-banner-main">
        <p className="stage-banner-summary" role="status">
          {description.summary}
        </p>
        {description.detail ? (
          <p className="stage-banner-detail">
            {description.detail}
            {inValidation ? (
              <>
                {" · "}
                <button type="button" className="button-link" onClick={onShowValidation}>
                  {t("banner.seeAnswers")}
                </button>
              </>
            ) : null}
          </p>
        ) : null}
        {lifecycle.revisionOf ? (
          <p className="stage-banner-link">
            <Link to={workplanHref(lifecycle.revisionOf.id)}>
              {revisionOfLabel(t, lifecycle.revisionOf)}
            </Link>
          </p>
        ) : null}
        {revision ? (
          <p className="stage-banner-link">
            {t.rich("banner.newerRevision", {
              title: revision.title,
              stage: tc(`stage.${revision.stage}`).toLocaleLowerCase(t.locale),
              link: (chunks) => <Link to={workplanHref(revision.id)}>{chunks}</Link>,
            })}
          </p>
        ) : null}
      </div>
      {movable ? (
        <div className="stage-banner-actions">
          {lifecycle.nextStage ? (
            <button
              type="button"
              className={`button button-small ${objections.length > 0 ? "button-secondary" : "button-primary"}`}
              onClick={() => setDialog("forward")}
            >
              {t("banner.moveEllipsis", {
                action: moveLabel(t, lifecycle.stage, lifecycle.nextStage),
              })}
            </button>
          ) : null}
          {lifecycle.stage === "consultation" ? (
            <button
              type="button"
              className="button button-secondary button-small"
              onClick={() => setDialog("deadline")}
            >
              {lifecycle.consultation.deadline
                ? t("banner.changeDeadline")
                : t("banner.setDeadline")}
            </button>
          ) : null}
          {lifecycle.earlierStages.length > 0 ? (
            <button
              type="button"
              className="button button-ghost button-small"
              onClick={() => setDialog("back")}
            >
              {t("banner.moveBack")}
            </button>
          ) : null}
          {lifecycle.stage === "adopted" && (!revision || revision.stage === "adopted") ? (
            <button
              type="button"
              className="button button-primary button-small"
              onClick={() => setDialog("revision")}
            >
              {t("banner.openRevision")}
            </button>
          ) : null}
        </div>
      ) : null}
      {lifecycle.nextStage ? (
        <MoveForwardDialog
          workplan={workplan}
          lifecycle={lifecycle}
          to={lifecycle.nextStage}
          open={dialog === "forward"}
          onClose={close}
          onChanged={onChanged}
        />
      ) : null}
      <MoveBackDialog
        workplan={workplan}
        lifecycle={lifecycle}
        open={dialog === "back"}
        onClose={close}
        onChanged={onChanged}
      />
      <DeadlineDialog
        workplan={workplan}
        deadline={lifecycle.consultation.deadline}
        open={dialog === "deadline"}
        onClose={close}
        onChanged={onChanged}
      />
      <OpenRevisionDialog workplan={workplan} open={dialog === "revision"} onClose={close} />
    </section>
  );
}
