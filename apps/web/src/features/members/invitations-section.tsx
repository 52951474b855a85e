import {
  type CreatedInvitation,
  isRole,
  type OrganisationView,
  ROLES,
  type Role,
} from "@junction/domain";
import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { formatDateTime, formatRelative, ROLE_DESCRIPTIONS, ROLE_LABELS } from "../../lib/format";
import { RoleBadge } from "../../ui/badges";
import { SecretValue } from "../../ui/copy-button";
import { Field } from "../../ui/field";
import { ErrorState, LoadingState, Notice } from "../../ui/states";

export function InvitationsSection({
  networkId,
  organisations,
}: {
  networkId: string;
  organisations: readonly OrganisationView[];
}) {
  const invitations = useResource(() => api.invitations(networkId), networkId);
  const [email, setEmail] = useState("");
  const [organisationId, setOrganisationId] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<CreatedInvitation | null>(null);
  const pending = (invitations.data ?? []).filter((i) => i.status === "pending");

  async function invite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const invitation = await api.invite(networkId, { email, organisationId, role });
      setCreated(invitation);
      setEmail("");
      invitations.update((list) => [invitation, ...list.filter((i) => i.id !== invitation.id)]);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  async function revoke(invitationId: string) {
    setError(null);
    try {
      await api.revokeInvitation(invitationId);
      invitations.update((list) => list.filter((i) => i.id !== invitationId));
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  const sortedOrganisations = [...organisations].sort((a, b) => a.name.localeCompare(b.name));

  return (
    <section className="section" aria-labelledby="invite-title">
      <div className="section-header">
        <h2 id="invite-title">Invite people</h2>
      </div>
      <form className="card invite-form" onSubmit={(event) => void invite(event)}>
        <Field label="Email">
          <input
            className="input"
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field label="Organisation">
          <select
            className="select"
            required
            value={organisationId}
            onChange={(event) => setOrganisationId(event.target.value)}
          >
            <option value="" disabled>
              Choose…
            </option>
            {sortedOrganisations.map((organisation) => (
              <option key={organisation.id} value={organisation.id}>
                {organisation.acronym
                  ? `${organisation.acronym} — ${organisation.name}`
                  : organisation.name}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Role" hint={ROLE_DESCRIPTIONS[role]}>
          <select
            className="select"
            value={role}
            onChange={(event) => {
              const value = event.target.value;
              if (isRole(value)) setRole(value);
            }}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <div className="invite-submit">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? "Creating…" : "Create invitation"}
          </button>
        </div>
      </form>

      {error ? (
        <Notice tone="error" onDismiss={() => setError(null)}>
          {error}
        </Notice>
      ) : null}

      {created ? (
        <div className="card card-highlight invitation-created" role="status">
          <h3>Invitation link for {created.email}</h3>
          <p>
            Send this link to {created.email} yourself. It is shown only once, works once, and
            expires on <strong>{formatDateTime(created.expiresAt)}</strong>.
          </p>
          <SecretValue value={created.link} label="Invitation link" />
          <div className="row-end">
            <button type="button" className="button button-ghost" onClick={() => setCreated(null)}>
              Done
            </button>
          </div>
        </div>
      ) : null}

      <h3 className="subsection-title">Pending invitations</h3>
      {invitations.status === "loading" ? <LoadingState label="Loading invitations…" /> : null}
      {invitations.status === "error" ? (
        <ErrorState error={invitations.error} onRetry={invitations.reload} />
      ) : null}
      {invitations.status === "ready" && pending.length === 0 ? (
        <p className="muted small">No pending invitations.</p>
      ) : null}
      {pending.length > 0 ? (
        <div className="table-wrap card">
          <table className="table table-stack">
            <caption className="visually-hidden">Pending invitations</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Organisation</th>
                <th scope="col">Role</th>
                <th scope="col">Invited</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pending.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row" className="cell-strong">
                    {invitation.email}
                  </th>
                  <td data-label="Organisation">{invitation.organisationName}</td>
                  <td data-label="Role">
                    <RoleBadge role={invitation.role} />
                  </td>
                  <td data-label="Invited">
                    <div>
                      <span title={formatDateTime(invitation.createdAt)}>
                        {formatRelative(invitation.createdAt)}
                      </span>
                      {invitation.invitedBy ? (
                        <span className="muted small block">by {invitation.invitedBy}</span>
                      ) : null}
                    </div>
                  </td>
                  <td data-label="Expires">
                    <span title={formatDateTime(invitation.expiresAt)}>
                      {formatRelative(invitation.expiresAt)}
                    </span>
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button-ghost button-small button-danger-text"
                      onClick={() => void revoke(invitation.id)}
                      aria-label={`Revoke the invitation for ${invitation.email}`}
                    >
                      Revoke
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
