import { useState } from "react";
import { Link } from "../../app/router";
import { useMe } from "../../app/session";
import { initials } from "../../app/user-menu";
import { RoleBadge } from "../../ui/badges";
import { PasswordSection } from "./password-section";
import { SessionsSection } from "./sessions-section";
import { TokensSection } from "./tokens-section";

export function AccountPage() {
  const me = useMe();
  // a password change signs out the other sessions: the list is read again
  const [passwordChanges, setPasswordChanges] = useState(0);
  return (
    <section className="page page-medium" aria-labelledby="account-title">
      <div className="page-header">
        <div>
          <p className="eyebrow">Account</p>
          <h1 id="account-title">My account</h1>
        </div>
      </div>

      <section className="section" aria-labelledby="profile-title">
        <h2 id="profile-title">Profile</h2>
        <div className="card profile">
          <span className="avatar avatar-large" aria-hidden="true">
            {initials(me.name)}
          </span>
          <dl className="profile-fields">
            <div>
              <dt>Name</dt>
              <dd>{me.name}</dd>
            </div>
            <div>
              <dt>Email</dt>
              <dd>{me.email}</dd>
            </div>
            {me.isAdmin ? (
              <div>
                <dt>Instance</dt>
                <dd>
                  <span className="badge badge-admin">Instance admin</span>
                </dd>
              </div>
            ) : null}
          </dl>
        </div>
        {me.memberships.length > 0 ? (
          <div className="table-wrap card">
            <table className="table table-stack">
              <caption className="caption">Your memberships</caption>
              <thead>
                <tr>
                  <th scope="col">Network</th>
                  <th scope="col">Organisation</th>
                  <th scope="col">Role</th>
                </tr>
              </thead>
              <tbody>
                {me.memberships.map((membership) => (
                  <tr key={membership.networkId}>
                    <th scope="row">
                      <Link to={`/networks/${encodeURIComponent(membership.networkId)}`}>
                        {membership.networkName}
                      </Link>
                    </th>
                    <td data-label="Organisation">{membership.organisationName}</td>
                    <td data-label="Role">
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
