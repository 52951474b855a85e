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
import { useFormat, useT } from "../../i18n";
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
  const t = useT("members");
  const tc = useT("common");
  const f = useFormat();
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
        <h2 id="invite-title">{t("invite.title")}</h2>
      </div>
      <form className="card invite-form" onSubmit={(event) => void invite(event)}>
        <Field label={t("column.email")}>
          <input
            className="input"
            type="email"
            required
            autoComplete="off"
            value={email}
            onChange={(event) => setEmail(event.target.value)}
          />
        </Field>
        <Field label={t("column.organisation")}>
          <select
            className="select"
            required
            value={organisationId}
            onChange={(event) => setOrganisationId(event.target.value)}
          >
            <option value="" disabled>
              {t("invite.choose")}
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
        <Field label={t("column.role")} hint={tc(`roleDescription.${role}`)}>
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
                {tc(`role.${r}`)}
              </option>
            ))}
          </select>
        </Field>
        <div className="invite-submit">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("invite.creating") : t("invite.submit")}
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
          <h3>{t("invite.linkFor", { email: created.email })}</h3>
          <p>
            {t.rich("invite.body", {
              email: created.email,
              expires: f.dateTime(created.expiresAt),
              strong: (chunks) => <strong key="expires">{chunks}</strong>,
            })}
          </p>
          <SecretValue value={created.link} label={t("invite.link")} />
          <div className="row-end">
            <button type="button" className="button button-ghost" onClick={() => setCreated(null)}>
              {t("done")}
            </button>
          </div>
        </div>
      ) : null}

      <h3 className="subsection-title">{t("pending.title")}</h3>
      {invitations.status === "loading" ? <LoadingState label={t("pending.loading")} /> : null}
      {invitations.status === "error" ? (
        <ErrorState error={invitations.error} onRetry={invitations.reload} />
      ) : null}
      {invitations.status === "ready" && pending.length === 0 ? (
        <p className="muted small">{t("pending.empty")}</p>
      ) : null}
      {pending.length > 0 ? (
        <div className="table-wrap card">
          <table className="table table-stack">
            <caption className="visually-hidden">{t("pending.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("column.email")}</th>
                <th scope="col">{t("column.organisation")}</th>
                <th scope="col">{t("column.role")}</th>
                <th scope="col">{t("pending.invited")}</th>
                <th scope="col">{t("pending.expires")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("column.actions")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {pending.map((invitation) => (
                <tr key={invitation.id}>
                  <th scope="row" className="cell-strong">
                    {invitation.email}
                  </th>
                  <td data-label={t("column.organisation")}>{invitation.organisationName}</td>
                  <td data-label={t("column.role")}>
                    <RoleBadge role={invitation.role} />
                  </td>
                  <td data-label={t("pending.invited")}>
                    <div>
                      <span title={f.dateTime(invitation.createdAt)}>
                        {f.relative(invitation.createdAt)}
                      </span>
                      {invitation.invitedBy ? (
                        <span className="muted small block">
                          {t("pending.by", { name: invitation.invitedBy })}
                        </span>
                      ) : null}
                    </div>
                  </td>
                  <td data-label={t("pending.expires")}>
                    <span title={f.dateTime(invitation.expiresAt)}>
                      {f.relative(invitation.expiresAt)}
                    </span>
                  </td>
                  <td className="cell-actions">
                    <button
                      type="button"
                      className="button button-ghost button-small button-danger-text"
                      onClick={() => void revoke(invitation.id)}
                      aria-label={t("pending.revokeLabel", { email: invitation.email })}
                    >
                      {t("pending.revoke")}
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
