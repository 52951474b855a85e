import {
  ACTIVITY_STATUSES,
  type Activity,
  type ActivityStatus,
  GCM_OBJECTIVES,
  gcmObjectiveTitle,
  type OrganisationView,
  type WarningView,
} from "@junction/domain";
import { memo, useId, useMemo, useState } from "react";
import { countOpen, WarningIcon } from "../features/warnings";
import { useFormat, useLocale, useT } from "../i18n";
import { initials, type PresentUser, textColorOn } from "./presence";

export function PresenceList({ users }: { users: readonly PresentUser[] }) {
  const t = useT("editor");
  return (
    <section className="panel-section" aria-labelledby="presence-title">
      <h2 className="panel-title" id="presence-title">
        {t("presence.hereNow")} <span className="panel-count">{users.length}</span>
      </h2>
      <ul className="presence-list">
        {users.map((user) => (
          <li key={user.id} className="presence-item">
            <span
              className="presence-avatar"
              style={{ backgroundColor: user.color, color: textColorOn(user.color) }}
              aria-hidden="true"
            >
              {initials(user.name)}
            </span>
            <span className="presence-text">
              <span className="presence-name">
                {user.name}
                {user.isSelf ? <span className="presence-self"> {t("presence.you")}</span> : null}
              </span>
              {user.organisation ? <span className="presence-org">{user.organisation}</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

type Filters = {
  organisation: string;
  objective: string;
  status: "" | ActivityStatus;
  withWarnings: boolean;
};

const NO_FILTERS: Filters = { organisation: "", objective: "", status: "", withWarnings: false };

function matches(activity: Activity, filters: Filters, openWarnings: number): boolean {
  if (filters.withWarnings && openWarnings === 0) return false;
  if (
    filters.organisation !== "" &&
    activity.lead !== filters.organisation &&
    !activity.partners.includes(filters.organisation)
  ) {
    return false;
  }
  if (filters.objective !== "" && !activity.gcmObjectives.includes(Number(filters.objective))) {
    return false;
  }
  return filters.status === "" || activity.status === filters.status;
}

/** The workplan's activities, read live from the document, filterable; a click jumps to the block. */
export function ActivitiesPanel({
  activities,
  organisations,
  organisationLabel,
  warnings,
  onJump,
}: {
  activities: readonly Activity[];
  organisations: readonly OrganisationView[];
  organisationLabel: (id: string) => string;
  warnings: ReadonlyMap<string, readonly WarningView[]>;
  onJump: (id: string) => void;
}) {
  const t = useT("editor");
  const tc = useT("common");
  const f = useFormat();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const ids = { organisation: useId(), objective: useId(), status: useId(), warnings: useId() };
  const openCount = (activity: Activity) => countOpen(warnings.get(activity.id) ?? []);
  const visible = activities.filter((a) => matches(a, filters, openCount(a)));
  const withWarnings = activities.filter((a) => openCount(a) > 0).length;
  const filtered =
    filters.organisation !== "" ||
    filters.objective !== "" ||
    filters.status !== "" ||
    filters.withWarnings;
  const usedOrganisations = useUsed(
    organisations.filter((o) =>
      activities.some((a) => a.lead === o.id || a.partners.includes(o.id)),
    ),
    (o) => o.id,
  );
  const usedObjectives = useUsed(
    GCM_OBJECTIVES.filter((o) => activities.some((a) => a.gcmObjectives.includes(o.number))),
    (o) => String(o.number),
  );

  return (
    <section className="panel-section panel-activities" aria-labelledby="activities-panel-title">
      <h2 className="panel-title" id="activities-panel-title">
        {t("activities.title")}{" "}
        <span className="panel-count">
          {filtered
            ? t("activities.filteredCount", { shown: visible.length, total: activities.length })
            : f.number(activities.length)}
        </span>
      </h2>
      <div className="panel-filters">
        <label htmlFor={ids.organisation} className="panel-filter-label">
          {t("activities.organisation")}
        </label>
        <select
          id={ids.organisation}
          className="select select-compact"
          value={filters.organisation}
          onChange={(event) => setFilters({ ...filters, organisation: event.target.value })}
        >
          <option value="">{t("activities.allOrganisations")}</option>
          {usedOrganisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.acronym || o.name}
            </option>
          ))}
        </select>
        <label htmlFor={ids.objective} className="panel-filter-label">
          {t("activities.objective")}
        </label>
        <select
          id={ids.objective}
          className="select select-compact"
          value={filters.objective}
          onChange={(event) => setFilters({ ...filters, objective: event.target.value })}
        >
          <option value="">{t("activities.allObjectives")}</option>
          {usedObjectives.map((o) => (
            <option key={o.number} value={String(o.number)}>
              {o.number} · {o.short}
            </option>
          ))}
        </select>
        <label htmlFor={ids.status} className="panel-filter-label">
          {t("activities.status")}
        </label>
        <select
          id={ids.status}
          className="select select-compact"
          value={filters.status}
          onChange={(event) =>
            setFilters({ ...filters, status: event.target.value as Filters["status"] })
          }
        >
          <option value="">{t("activities.anyStatus")}</option>
          {ACTIVITY_STATUSES.map((s) => (
            <option key={s} value={s}>
              {tc(`status.${s}`)}
            </option>
          ))}
        </select>
        <label className="panel-filter-check" htmlFor={ids.warnings}>
          <input
            id={ids.warnings}
            type="checkbox"
            checked={filters.withWarnings}
            onChange={(event) => setFilters({ ...filters, withWarnings: event.target.checked })}
          />
          {t("activities.withWarnings")} <span className="panel-filter-count">{withWarnings}</span>
        </label>
        {filtered ? (
          <button
            type="button"
            className="button button-ghost button-small panel-clear"
            onClick={() => setFilters(NO_FILTERS)}
          >
            {t("activities.clearFilters")}
          </button>
        ) : null}
      </div>
      {activities.length === 0 ? (
        <p className="panel-empty">{t("activities.empty")}</p>
      ) : visible.length === 0 ? (
        <p className="panel-empty" role="status">
          {t("activities.noMatch")}
        </p>
      ) : (
        <ol className="panel-activity-list">
          {visible.map((activity) => (
            <ActivityRow
              key={activity.id}
              activity={activity}
              openWarnings={openCount(activity)}
              organisationLabel={organisationLabel}
              onJump={onJump}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

/** The same list while its keys stay the same, so the filters' options are not rebuilt per edit. */
function useUsed<T>(items: T[], keyOf: (item: T) => string): T[] {
  const key = items.map(keyOf).join("\n");
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key stands for the items
  return useMemo(() => items, [key]);
}

/** One activity of the panel's list; re-rendered only when the activity or its warnings change. */
const ActivityRow = memo(function ActivityRow({
  activity,
  openWarnings,
  organisationLabel,
  onJump,
}: {
  activity: Activity;
  openWarnings: number;
  organisationLabel: (id: string) => string;
  onJump: (id: string) => void;
}) {
  const t = useT("editor");
  const tc = useT("common");
  const f = useFormat();
  const tw = useT("warnings");
  const { locale } = useLocale();
  const duplicates = tw("possibleDuplicates", { count: openWarnings });
  return (
    <li>
      <button type="button" className="panel-activity" onClick={() => onJump(activity.id)}>
        <span className="panel-activity-heading">
          <span className="panel-activity-title" dir="auto">
            {activity.title || t("activity.untitled")}
          </span>
          {openWarnings > 0 ? (
            <span className="warning-marker" title={duplicates}>
              <WarningIcon />
              <span aria-hidden="true">{openWarnings}</span>
              <span className="visually-hidden">, {duplicates}</span>
            </span>
          ) : null}
        </span>
        <span className="panel-activity-meta">
          <span className={`status-dot status-dot-${activity.status}`} aria-hidden="true" />
          <span>{tc(`status.${activity.status}`)}</span>
          {activity.lead ? <span>· {organisationLabel(activity.lead)}</span> : null}
          {activity.start ? <span>· {f.month(activity.start)}</span> : null}
        </span>
        {activity.gcmObjectives.length > 0 ? (
          <span className="panel-activity-objectives">
            {activity.gcmObjectives.map((n) => (
              <span key={n} className="mini-chip" title={gcmObjectiveTitle(n, locale)}>
                {t("activities.gcmChip", { number: n })}
              </span>
            ))}
          </span>
        ) : null}
      </button>
    </li>
  );
});
