import type { Me } from "@junction/domain";
import { useEffect, useId, useRef, useState } from "react";
import { useLocale, useT } from "../i18n";
import { RoleBadge } from "../ui/badges";
import { Link } from "./router";
import { findMembership, useSession } from "./session";

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const first = parts[0]?.[0] ?? "?";
  const last = parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? "") : "";
  return (first + last).toUpperCase();
}

export function UserMenu({ me, networkId }: { me: Me; networkId: string | null }) {
  const t = useT("shell");
  const tc = useT("common");
  const { locale, options, chooseLocale } = useLocale();
  const languageId = useId();
  const { signOut } = useSession();
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const membership = findMembership(me, networkId) ?? me.memberships[0];

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (event.target instanceof Node && !rootRef.current?.contains(event.target)) setOpen(false);
    }
    function onKeyDown(event: KeyboardEvent) {
      if (event.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    }
    document.addEventListener("pointerdown", onPointerDown);
    document.addEventListener("keydown", onKeyDown);
    return () => {
      document.removeEventListener("pointerdown", onPointerDown);
      document.removeEventListener("keydown", onKeyDown);
    };
  }, [open]);

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu-button"
        aria-expanded={open}
        aria-controls={menuId}
        onClick={() => setOpen((value) => !value)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(me.name)}
        </span>
        <span className="user-menu-text">
          <span className="user-menu-name">{me.name}</span>
          {membership ? (
            <span className="user-menu-org">
              {membership.organisationAcronym || membership.organisationName} ·{" "}
              {tc(`role.${membership.role}`)}
            </span>
          ) : null}
        </span>
        <span className="chevron" aria-hidden="true" />
      </button>
      <div id={menuId} className="user-menu-panel" hidden={!open}>
        <div className="user-menu-identity">
          <p className="user-menu-panel-name">{me.name}</p>
          <p className="muted small">{me.email}</p>
          {membership ? (
            <p className="user-menu-membership">
              <span>{membership.organisationName}</span>
              <RoleBadge role={membership.role} />
            </p>
          ) : null}
          {me.isAdmin ? <span className="badge badge-admin">{t("menu.instanceAdmin")}</span> : null}
        </div>
        <Link to="/account" className="user-menu-item" onClick={() => setOpen(false)}>
          {t("menu.myAccount")}
        </Link>
        <div className="user-menu-language">
          <label htmlFor={languageId}>{t("menu.language")}</label>
          <select
            id={languageId}
            className="select select-compact"
            value={locale}
            onChange={(event) => chooseLocale(event.target.value, true)}
          >
            {options.map((option) => (
              <option key={option.code} value={option.code} lang={option.code}>
                {option.name}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="user-menu-item" onClick={() => void signOut()}>
          {t("menu.signOut")}
        </button>
      </div>
    </div>
  );
}
