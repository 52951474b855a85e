import type { ActivityStatus, Role, Stage } from "@junction/domain";
import { ROLE_LABELS, STAGE_LABELS } from "../lib/format";

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`badge badge-role-${role}`}>{ROLE_LABELS[role]}</span>;
}

export function StageBadge({ stage }: { stage: Stage }) {
  return (
    <span className={`badge badge-stage badge-stage-${stage}`}>
      <span className="badge-dot" aria-hidden="true" />
      {STAGE_LABELS[stage]}
    </span>
  );
}

const STATUS_LABELS: Record<ActivityStatus, string> = {
  planned: "Planned",
  ongoing: "Ongoing",
  completed: "Completed",
  cancelled: "Cancelled",
};

export function StatusBadge({ status }: { status: ActivityStatus }) {
  return <span className={`badge badge-status-${status}`}>{STATUS_LABELS[status]}</span>;
}
