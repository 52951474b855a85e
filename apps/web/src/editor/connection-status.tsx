import type { ConnectionState } from "./sync";

const LABELS = {
  connecting: "Syncing…",
  syncing: "Syncing…",
  saved: "Connected · saved",
  offline: "Offline — changes kept on this device",
  refused: "Access refused",
  rejected: "Not saved — the server refused a change",
} as const;

const DETAILS = {
  connecting: "Connecting to the server.",
  syncing: "Sending and receiving changes.",
  saved: "Every change you made has reached the server.",
  offline:
    "You can keep working: your changes are stored in this browser and sent when the connection returns.",
  refused: "The server no longer lets you open this workplan. Sign in again or ask a coordinator.",
  rejected: "Reload the page to continue; recent changes may not have been kept.",
} as const;

/** Always-visible state of the connection; read by people and by assistive technology (polite). */
export function ConnectionStatus({ state, canEdit }: { state: ConnectionState; canEdit: boolean }) {
  const label = state === "saved" && !canEdit ? "Connected · up to date" : LABELS[state];
  return (
    <div
      className={`connection connection-${state}`}
      role="status"
      aria-live="polite"
      title={DETAILS[state]}
      data-state={state}
    >
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{label}</span>
    </div>
  );
}
