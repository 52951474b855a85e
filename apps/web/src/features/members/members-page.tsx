import {
  type IssuedPasswordReset,
  isRole,
  type MemberView,
  ROLES,
  type Role,
} from "@junction/domain";
import { useEffect, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { usePermissions } from "../../app/permissions";
import { Link } from "../../app/router";
import { subscribeRoleChanges, useMe } from "../../app/session";
import { initials } from "../../app/user-menu";
import { formatCount, ROLE_DESCRIPTIONS, ROLE_LABELS } from "../../lib/format";
import { RoleBadge } from "../../ui/badges";
import { FormDialog } from "../../ui/dialog";
import { ErrorState, LoadingState, Notice } from "../../ui/states";
import { InvitationsSection } from "./invitations-section";
import { IssuedResetLink, PasswordResetButton } from "./password-reset-link";

export function MembersPage({ networkId }: { networkId: string }) {
  const me = useMe();
  const network = useResource(() => api.network(networkId), networkId);
  const members = useResource(() => api.members(networkId), networkId);
  const organisations = useResource(() => api.organisations(networkId), networkId);
  const { may } = usePermissions(networkId);
  const [notice, setNotice] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<MemberView | null>(null);
  const [resetLink, setResetLink] = useState<IssuedPasswordReset | { error: string } | null>(null);
  const canManage = may("member.change-role");
  const canRemove = may("member.remove");
  const canInvite = may("member.invite");
  const { reload } = members;

  useEffect(
    () => subscribeRoleChanges((event) => event.networkId === networkId && reload()),
    [networkId, reload],
  );

  async function change(member: MemberView, body: { role?: Role; organisationId?: string }) {
    setBusyId(member.userId);
    setNotice(null);
    try {
      const updated = await api.updateMember(networkId, member.userId, body);
      members.update((list) => list.map((m) => (m.userId === updated.userId ? updated : m)));
      setNotice({ tone: "success", text: `Updated ${updated.name}.` });
    } catch (caught) {
      setNotice({ tone: "error", text: describeError(caught) });
    } finally {
      setBusyId(null);
    }
  }

  // by name only: a row must not jump away from the control that just changed its role
  const sorted = [...(members.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const networkName = network.data?.name ?? "Network";
  const showActions = canManage || canRemove || me.isAdmin;

  return (
    <section className="page" aria-labelledby="members-title">
      <nav aria-label="Breadcrumb" className="breadcrumb">
        <ol>
          <li>
            <Link to="/">Your networks</Link>
          </li>
          <li>
            <Link to={`/networks/${encodeURIComponent(networkId)}`}>{networkName}</Link>
          </li>
          <li aria-current="page">Members</li>
        </ol>
      </nav>
      <div className="page-header">
        <div>
          <h1 id="members-title">Members</h1>
          <p className="muted">
            {members.data
              ? `${formatCount(members.data.length, "member")} in ${networkName}`
              : networkName}
          </p>
        </div>
      </div>

      {!canManage && members.status === "ready" ? (
        <p className="muted small">Only coordinators can invite people or change roles.</p>
      ) : null}
      {notice ? (
        <Notice tone={notice.tone} onDismiss={() => setNotice(null)}>
          {notice.text}
        </Notice>
      ) : null}

      {resetLink ? <IssuedResetLink issued={resetLink} onDone={() => setResetLink(null)} /> : null}
      {members.status === "loading" ? <LoadingState label="Loading members…" /> : null}
      {members.status === "error" ? (
        <ErrorState error={members.error} onRetry={members.reload} />
      ) : null}
      {members.status === "ready" ? (
        <div className="table-wrap card">
          <table className="table table-stack">
            <caption className="visually-hidden">Members of {networkName}</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Organisation</th>
                <th scope="col">Role</th>
                {showActions ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {sorted.map((member) => {
                const busy = busyId === member.userId;
                const isMe = member.userId === me.id;
                return (
                  <tr key={member.userId} aria-busy={busy || undefined}>
                    <th scope="row">
                      <span className="person">
                        <span className="avatar avatar-small" aria-hidden="true">
                          {initials(member.name)}
                        </span>
                        <span className="cell-strong">
                          {member.name}
                          {isMe ? <span className="muted small"> (you)</span> : null}
                        </span>
                      </span>
                    </th>
                    <td data-label="Email">
                      <a href={`mailto:${member.email}`} className="link-quiet">
                        {member.email}
                      </a>
                    </td>
                    <td data-label="Organisation">
                      {canManage && organisations.data ? (
                        <select
                          className="select select-compact"
                          aria-label={`Organisation of ${member.name}`}
                          value={member.organisationId}
                          disabled={busy}
                          onChange={(event) =>
                            void change(member, { organisationId: event.target.value })
                          }
                        >
                          {organisations.data.map((organisation) => (
                            <option key={organisation.id} value={organisation.id}>
                              {organisation.acronym || organisation.name}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <span title={member.organisationName}>
                          {member.organisationAcronym || member.organisationName}
                        </span>
                      )}
                    </td>
                    <td data-label="Role">
                      {canManage ? (
                        <select
                          className="select select-compact select-role"
                          aria-label={`Role of ${member.name}`}
                          value={member.role}
                          disabled={busy}
                          onChange={(event) => {
                            const role = event.target.value;
                            if (isRole(role)) void change(member, { role });
                          }}
                        >
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {ROLE_LABELS[role]}
                            </option>
                          ))}
                        </select>
                      ) : (
                        <RoleBadge role={member.role} />
                      )}
                    </td>
                    {showActions ? (
                      <td className="cell-actions">
                        {me.isAdmin ? (
                          <PasswordResetButton member={member} onIssued={setResetLink} />
                        ) : null}
                        {canRemove ? (
                          <button
                            type="button"
                            className="button button-ghost button-small button-danger-text"
                            disabled={busy}
                            onClick={() => setRemoving(member)}
                            aria-label={`Remove ${member.name}`}
                          >
                            Remove
                          </button>
                        ) : null}
                      </td>
                    ) : null}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}

      <details className="role-legend">
        <summary>What each role may do</summary>
        <dl>
          {ROLES.map((role) => (
            <div key={role} className="role-legend-row">
              <dt>
                <RoleBadge role={role} />
              </dt>
              <dd>{ROLE_DESCRIPTIONS[role]}</dd>
            </div>
          ))}
        </dl>
      </details>

      {canInvite ? (
        <InvitationsSection networkId={networkId} organisations={organisations.data ?? []} />
      ) : null}

      <FormDialog
        open={removing !== null}
        onClose={() => setRemoving(null)}
        title={`Remove ${removing?.name ?? "member"}?`}
        description={
          removing ? (
            <p>
              {removing.name} ({removing.organisationAcronym || removing.organisationName}) will
              lose access to {networkName} and its workplans. Their past contributions stay.
            </p>
          ) : null
        }
        submitLabel="Remove member"
        tone="danger"
        onSubmit={async () => {
          if (!removing) return;
          await api.removeMember(networkId, removing.userId);
          members.update((list) => list.filter((m) => m.userId !== removing.userId));
          setNotice({ tone: "success", text: `${removing.name} was removed from the network.` });
        }}
      />
    </section>
  );
}
