import type { ActivityStatus, Role, Stage } from "@junction/domain";
import { useT } from "../i18n";

export function RoleBadge({ role }: { role: Role }) {
  const t = useT("common");
  return <span className={`badge badge-role-${role}`}>{t(`role.${role}`)}</span>;
}

export function StageBadge({ stage }: { stage: Stage }) {
  const t = useT("common");
  return (
    <span className={`badge badge-stage badge-stage-${stage}`}>
      <span className="badge-dot" aria-hidden="true" />
      {t(`stage.${stage}`)}
    </span>
  );
}

export function StatusBadge({ status }: { status: ActivityStatus }) {
  const t = useT("common");
  return <span className={`badge badge-status-${status}`}>{t(`status.${status}`)}</span>;
}
