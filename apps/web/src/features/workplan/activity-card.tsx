import type { IndexedActivity } from "@junction/domain";
import { gcmObjective } from "../../lib/format";
import { StatusBadge } from "../../ui/badges";

function formatPeriod(start: string | null, end: string | null): string | null {
  if (!start && !end) return null;
  const month = (value: string) => {
    const [year, m] = value.split("-");
    const date = new Date(Date.UTC(Number(year), Number(m) - 1, 1));
    return date.toLocaleDateString("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });
  };
  if (start && end) return `${month(start)} – ${month(end)}`;
  return start ? `From ${month(start)}` : `Until ${month(end ?? "")}`;
}

export function ActivityCard({ activity }: { activity: IndexedActivity }) {
  const period = formatPeriod(activity.start, activity.end);
  const headingId = `activity-${activity.id}`;
  return (
    <article className="card activity-card" aria-labelledby={headingId}>
      <header className="activity-card-header">
        <h3 id={headingId} className="activity-title">
          {activity.title || <span className="muted">Untitled activity</span>}
        </h3>
        <StatusBadge status={activity.status} />
      </header>
      <dl className="activity-meta">
        <div>
          <dt>Lead</dt>
          <dd>{activity.lead ?? <span className="muted">Not set</span>}</dd>
        </div>
        {activity.partners.length > 0 ? (
          <div>
            <dt>Partners</dt>
            <dd>{activity.partners.join(", ")}</dd>
          </div>
        ) : null}
        {period ? (
          <div>
            <dt>Period</dt>
            <dd>{period}</dd>
          </div>
        ) : null}
        {activity.locations.length > 0 ? (
          <div>
            <dt>Where</dt>
            <dd>{activity.locations.join(", ")}</dd>
          </div>
        ) : null}
      </dl>
      {activity.gcmObjectives.length > 0 ? (
        <ul className="chips" aria-label="GCM objectives">
          {activity.gcmObjectives.map((number) => {
            const objective = gcmObjective(number);
            return (
              <li key={number} className="chip" title={objective.title}>
                <span className="chip-number">GCM {objective.number}</span>
                {objective.short}
              </li>
            );
          })}
        </ul>
      ) : null}
    </article>
  );
}
