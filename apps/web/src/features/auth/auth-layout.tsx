import type { ReactNode } from "react";
import { useT } from "../../i18n";

/** The two-panel frame of the pages a signed-out visitor sees (sign-in, invitation). */
export function AuthLayout({ children }: { children: ReactNode }) {
  const t = useT("auth");
  return (
    <div className="auth-layout">
      <aside className="auth-aside" aria-label={t("aside.label")}>
        <div className="brand brand-inverse">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" />
            <path d="M6 16h8M18 16h8" />
            <circle cx="16" cy="16" r="3" />
          </svg>
          <span className="brand-name">Junction</span>
        </div>
        <div className="auth-pitch">
          <p className="auth-pitch-title">{t("aside.title")}</p>
          <p>{t("aside.body")}</p>
        </div>
        <p className="auth-aside-foot">{t("aside.foot")}</p>
      </aside>
      <div className="auth-panel">
        <div className="auth-card">{children}</div>
      </div>
    </div>
  );
}
