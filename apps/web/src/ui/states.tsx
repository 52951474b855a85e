import type { ReactNode } from "react";
import { describeError } from "../api/errors";
import { useT } from "../i18n";

export function LoadingState({ label }: { label?: string }) {
  const t = useT("common");
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label ?? t("loading")}</span>
    </div>
  );
}

export function ErrorState({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const t = useT("common");
  return (
    <div className="state state-error" role="alert">
      <p className="state-title">{title ?? t("couldNotLoad")}</p>
      <p>{describeError(error, t)}</p>
      {onRetry ? (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t("tryAgain")}
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}

export function Notice({
  tone,
  children,
  onDismiss,
}: {
  tone: "error" | "success" | "warning" | "info";
  children: ReactNode;
  onDismiss?: () => void;
}) {
  const t = useT("common");
  return (
    <div className={`notice notice-${tone}`} role={tone === "error" ? "alert" : "status"}>
      <div className="notice-body">{children}</div>
      {onDismiss ? (
        <button
          type="button"
          className="notice-dismiss"
          onClick={onDismiss}
          aria-label={t("dismiss")}
        >
          ×
        </button>
      ) : null}
    </div>
  );
}
