import type { WarningView } from "@junction/domain";
import { type RefObject, useCallback, useEffect, useRef, useState } from "react";
import { ActivityWarnings, ActivityWarningsBrief } from "../features/warnings";
import { useT } from "../i18n";
import { useEditorContext } from "./editor-context";

export type WarningsReveal = {
  /** The full callout (reasons, decisions) while the card is collapsed. */
  isOpen: boolean;
  /** Opens the full callout, its reasons too, and brings it into view. */
  show: () => void;
  hide: () => void;
  ref: RefObject<HTMLDivElement | null>;
};

/** A collapsed card shows its warnings briefly until asked for the reasons and decisions. */
export function useWarningsReveal(): WarningsReveal {
  const ref = useRef<HTMLDivElement>(null);
  const [isOpen, setOpen] = useState(false);
  const [revealRequest, setRevealRequest] = useState(0);
  useEffect(() => {
    const callout = ref.current;
    if (revealRequest === 0 || !callout) return;
    for (const reasons of callout.querySelectorAll("details")) reasons.open = true;
    const reduceMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    callout.scrollIntoView({ block: "nearest", behavior: reduceMotion ? "auto" : "smooth" });
    callout.focus({ preventScroll: true });
  }, [revealRequest]);
  const show = useCallback(() => {
    setOpen(true);
    setRevealRequest((n) => n + 1);
  }, []);
  const hide = useCallback(() => setOpen(false), []);
  return { isOpen, show, hide, ref };
}

/** A card's duplication warnings: brief while collapsed, in full when expanded or asked for. */
export function ActivityCardWarnings({
  id,
  activityId,
  title,
  warnings,
  expanded,
  reveal,
}: {
  /** The callout's element id, which the header's warning marker controls. */
  id: string;
  activityId: string;
  title: string;
  warnings: readonly WarningView[];
  expanded: boolean;
  reveal: WarningsReveal;
}) {
  const t = useT("editor");
  const context = useEditorContext();
  if (warnings.length === 0) return null;
  return (
    <div
      className="activity-card-warnings"
      id={id}
      ref={reveal.ref}
      tabIndex={-1}
      contentEditable={false}
    >
      {expanded || reveal.isOpen ? (
        <>
          <ActivityWarnings
            warnings={warnings}
            currentWorkplanId={context.workplanId}
            activityId={activityId}
            activityTitle={title}
            canDecide={context.canDecide}
          />
          {expanded ? null : (
            <button
              type="button"
              className="button button-ghost button-small activity-warnings-more"
              aria-expanded={true}
              aria-controls={id}
              onClick={reveal.hide}
            >
              {t("card.showLess")}
            </button>
          )}
        </>
      ) : (
        <ActivityWarningsBrief
          warnings={warnings}
          currentWorkplanId={context.workplanId}
          activityId={activityId}
          activityTitle={title}
          controls={id}
          onShowAll={reveal.show}
        />
      )}
    </div>
  );
}
