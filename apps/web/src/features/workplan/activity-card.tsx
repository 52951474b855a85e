import type { IndexedActivity } from "@junction/domain";
import { type Formatters, type Translate, useFormat, useT } from "../../i18n";
import { gcmObjective } from "../../lib/format";
import { StatusBadge } from "../../ui/badges";

function formatPeriod(
  start: string | null,
  end: string | null,
  t: Translate<"workplan">,
  f: Formatters,
): string | null {
  if (start && end) return t("card.period", { start: f.month(start), end: f.month(end) });
  if (start) return t("card.from", { start: f.month(start) });
  if (end) return t("card.until", { end: f.month(end) });
  return null;
}

export function ActivityCard({ activity }: { activity: IndexedActivity }) {
  const t = useT("workplan");
  const f = useFormat();
  const period = formatPeriod(activity.start, activity.end, t, f);
  const headingId = `activity-${activity.id}`;
  return (
    <article className="card activity-card" aria-labelledby={headingId}>
      <header className="activity-card-header">
        <h3 id={headingId} className="activity-title" dir="auto">
          {activity.title || <span className="muted">{t("card.untitled")}</span>}
        </h3>
        <StatusBadge status={activity.status} />
      </header>
      <dl className="activity-meta">
        <div>
          <dt>{t("card.lead")}</dt>
          <dd>{activity.lead ?? <span className="muted">{t("card.notSet")}</span>}</dd>
        </div>
        {activity.partners.length > 0 ? (
          <div>
            <dt>{t("card.partners")}</dt>
            <dd>{activity.partners.join(t("card.separator"))}</dd>
          </div>
        ) : null}
        {period ? (
          <div>
            <dt>{t("card.periodLabel")}</dt>
            <dd>{period}</dd>
          </div>
        ) : null}
        {activity.locations.length > 0 ? (
          <div>
            <dt>{t("card.where")}</dt>
            <dd dir="auto">{activity.locations.join(t("card.separator"))}</dd>
          </div>
        ) : null}
      </dl>
      {activity.gcmObjectives.length > 0 ? (
        <ul className="chips" aria-label={t("card.objectives")}>
          {activity.gcmObjectives.map((number) => {
            const objective = gcmObjective(number);
            return (
              <li key={number} className="chip" title={objective.title}>
                <span className="chip-number">
                  {t("card.gcmChip", { number: objective.number })}
                </span>
                {objective.short}
              </li>
            );
          })}
        </ul>
      ) : null}
    </article>
  );
}
