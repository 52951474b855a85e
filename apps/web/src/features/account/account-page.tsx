import { useState } from "react";
import { Link } from "../../app/router";
import { useMe } from "../../app/session";
import { initials } from "../../app/user-menu";
import { useT } from "../../i18n";
import { RoleBadge } from "../../ui/badges";
import { PasswordSection } from "./password-section";
import { SessionsSection } from "./sessions-section";
import { TokensSection } from "./tokens-section";

export function AccountPage() {
  const me = useMe();
  const t = useT("account");
  const ts = useT("shell");
  // a password change signs out the other sessions: the list is read again
  const [passwordChanges, setPasswordChanges] = useState(0);
  return (
    <section className="page page-medium" aria-labelledby="account-title">
      <div className="page-header">
        <div>
          <p className="eyebrow">{t("eyebrow")}</p>
          <h1 id="account-title">{t("title")}</h1>
        </div>
      </div>

      <section className="section" aria-labelledby="profile-title">
        <h2 id="profile-title">{t("profile.title")}</h2>
        <div className="card profile">
          <span className="avatar avatar-large" aria-hidden="true">
            {initials(me.name)}
          </span>
          <dl className="profile-fields">
            <div>
              <dt>{t("profile.name")}</dt>
              <dd>{me.name}</dd>
            </div>
            <div>
              <dt>{t("profile.email")}</dt>
              <dd>{me.email}</dd>
            </div>
            {me.isAdmin ? (
              <div>
                <dt>{t("profile.instance")}</dt>
                <dd>
                  <span className="badge badge-admin">{ts("menu.instanceAdmin")}</span>
                </dd>
              </div>
            ) : null}
          </dl>
        </div>
        {me.memberships.length > 0 ? (
          <div className="table-wrap card">
            <table className="table table-stack">
              <caption className="caption">{t("memberships.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("memberships.network")}</th>
                  <th scope="col">{t("memberships.organisation")}</th>
                  <th scope="col">{t("memberships.role")}</th>
                </tr>
              </thead>
              <tbody>
                {me.memberships.map((membership) => (
                  <tr key={membership.networkId}>
                    <th scope="row">
                      <Link to={`/networks/${encodeURIComponent(membership.networkId)}`} dir="auto">
                        {membership.networkName}
                      </Link>
                    </th>
                    <td data-label={t("memberships.organisation")}>
                      {membership.organisationName}
                    </td>
                    <td data-label={t("memberships.role")}>
                      <RoleBadge role={membership.role} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <PasswordSection onChanged={() => setPasswordChanges((count) => count + 1)} />
      <SessionsSection key={passwordChanges} />
      <TokensSection />
    </section>
  );
}
