import type { ReactNode } from "react";

/** The two-panel frame of the pages a signed-out visitor sees (sign-in, invitation). */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <div className="auth-layout">
      <aside className="auth-aside" aria-label="About Junction">
        <div className="brand brand-inverse">
          <svg className="brand-mark" viewBox="0 0 32 32" aria-hidden="true">
            <rect width="32" height="32" rx="7" />
            <path d="M6 16h8M18 16h8" />
            <circle cx="16" cy="16" r="3" />
          </svg>
          <span className="brand-name">Junction</span>
        </div>
        <div className="auth-pitch">
          <p className="auth-pitch-title">One joint workplan, drafted together.</p>
          <p>
            UN agencies, government and civil society co-draft the network's workplan in real time —
            and see, as they type, where two partners plan the same work.
          </p>
        </div>
        <p className="auth-aside-foot">Two teams, one tunnel, one junction point.</p>
      </aside>
      <div className="auth-panel">
        <div className="auth-card">{children}</div>
      </div>
    </div>
  );
}
