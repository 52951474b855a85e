import { type ReactNode, useId } from "react";
import { useT } from "../i18n";
import type { EditorPanelTab } from "./editor-types";
import type { PanelState } from "./use-panel";

type Props = {
  panel: PanelState;
  /** More tabs from other features (validation, history), after the overview and comments. */
  tabs: readonly EditorPanelTab[];
  counts: { people: number; activities: number; openThreads: number; openSuggestions: number };
  overview: ReactNode;
  comments: ReactNode;
  suggestions: ReactNode;
  jumpTo: (activityId: string) => boolean;
};

/** The side panel beside the document: a tab list and the open tab. */
export function EditorPanel({
  panel,
  tabs,
  counts,
  overview,
  comments,
  suggestions,
  jumpTo,
}: Props) {
  const t = useT("editor");
  const ts = useT("suggestions");
  const tabIds = { overview: useId(), comments: useId(), suggestions: useId() };
  const { tab } = panel;
  return (
    <aside
      className={panel.isOpen ? "editor-panel is-open" : "editor-panel"}
      aria-label={t("panel.label")}
    >
      <button
        type="button"
        className="button button-secondary button-small panel-toggle"
        aria-expanded={panel.isOpen}
        onClick={panel.toggle}
      >
        {t(panel.isOpen ? "panel.hide" : "panel.show", {
          people: counts.people,
          activities: counts.activities,
        })}
      </button>
      <div className="panel-tabs" role="tablist" aria-label={t("panel.tabs")}>
        <button
          type="button"
          role="tab"
          id={`${tabIds.overview}-tab`}
          aria-selected={tab === "overview"}
          aria-controls={tabIds.overview}
          className="panel-tab"
          onClick={() => panel.selectTab("overview")}
        >
          {t("panel.overview")}
        </button>
        <button
          type="button"
          role="tab"
          id={`${tabIds.comments}-tab`}
          aria-selected={tab === "comments"}
          aria-controls={tabIds.comments}
          className="panel-tab"
          onClick={() => panel.selectTab("comments")}
        >
          {t("panel.comments")} <span className="panel-count">{counts.openThreads}</span>
        </button>
        <button
          type="button"
          role="tab"
          id={`${tabIds.suggestions}-tab`}
          aria-selected={tab === "suggestions"}
          aria-controls={tabIds.suggestions}
          className="panel-tab"
          onClick={() => panel.selectTab("suggestions")}
        >
          {ts("tab")} <span className="panel-count">{counts.openSuggestions}</span>
        </button>
        {tabs.map((extra) => (
          <button
            key={extra.id}
            type="button"
            role="tab"
            id={`${tabIds.overview}-${extra.id}-tab`}
            aria-selected={tab === extra.id}
            aria-controls={`${tabIds.overview}-${extra.id}`}
            className="panel-tab"
            onClick={() => panel.selectTab(extra.id)}
          >
            {extra.label}
          </button>
        ))}
      </div>
      {tabs.map((extra) =>
        tab === extra.id ? (
          <div
            key={extra.id}
            role="tabpanel"
            id={`${tabIds.overview}-${extra.id}`}
            aria-labelledby={`${tabIds.overview}-${extra.id}-tab`}
          >
            {extra.render({ jumpTo })}
          </div>
        ) : null,
      )}
      {tabs.some((extra) => extra.id === tab) ? null : tab === "overview" ? (
        <div role="tabpanel" id={tabIds.overview} aria-labelledby={`${tabIds.overview}-tab`}>
          {overview}
        </div>
      ) : tab === "suggestions" ? (
        <div role="tabpanel" id={tabIds.suggestions} aria-labelledby={`${tabIds.suggestions}-tab`}>
          {suggestions}
        </div>
      ) : (
        <div role="tabpanel" id={tabIds.comments} aria-labelledby={`${tabIds.comments}-tab`}>
          {comments}
        </div>
      )}
    </aside>
  );
}
