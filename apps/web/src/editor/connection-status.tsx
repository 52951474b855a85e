import { useT } from "../i18n";
import type { ConnectionState } from "./sync";

/** Always-visible state of the connection; read by people and by assistive technology (polite). */
export function ConnectionStatus({ state, canEdit }: { state: ConnectionState; canEdit: boolean }) {
  const t = useT("editor");
  const label = state === "saved" && !canEdit ? t("connection.upToDate") : t(`connection.${state}`);
  return (
    <div
      className={`connection connection-${state}`}
      role="status"
      aria-live="polite"
      title={t(`connection.${state}.detail`)}
      data-state={state}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{label}</span>
    </div>
  );
}
