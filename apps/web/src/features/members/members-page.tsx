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
import { useT } from "../../i18n";
import { RoleBadge } from "../../ui/badges";
import { FormDialog } from "../../ui/dialog";
import { ErrorState, LoadingState, Notice } from "../../ui/states";
import { InvitationsSection } from "./invitations-section";
import { IssuedResetLink, PasswordResetButton } from "./password-reset-link";

export function MembersPage({ networkId }: { networkId: string }) {
  const me = useMe();
  const t = useT("members");
  const tc = useT("common");
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
      setNotice({ tone: "success", text: t("updated", { name: updated.name }) });
    } catch (caught) {
      setNotice({ tone: "error", text: describeError(caught) });
    } finally {
      setBusyId(null);
    }
  }

  // by name only: a row must not jump away from the control that just changed its role
  const sorted = [...(members.data ?? [])].sort((a, b) => a.name.localeCompare(b.name));
  const networkName = network.data?.name ?? t("network");
  const showActions = canManage || canRemove || me.isAdmin;

  return (
    <section className="page" aria-labelledby="members-title">
      <nav aria-label={t("breadcrumb")} className="breadcrumb">
        <ol>
          <li>
            <Link to="/">{t("yourNetworks")}</Link>
          </li>
          <li>
            <Link to={`/networks/${encodeURIComponent(networkId)}`} dir="auto">
              {networkName}
            </Link>
          </li>
          <li aria-current="page">{t("title")}</li>
        </ol>
      </nav>
      <div className="page-header">
        <div>
          <h1 id="members-title">{t("title")}</h1>
          <p className="muted">
            {members.data
              ? t("count", { count: members.data.length, network: networkName })
              : networkName}
          </p>
        </div>
      </div>

      {!canManage && members.status === "ready" ? (
        <p className="muted small">{t("onlyCoordinators")}</p>
      ) : null}
      {notice ? (
        <Notice tone={notice.tone} onDismiss={() => setNotice(null)}>
          {notice.text}
        </Notice>
      ) : null}

      {resetLink ? <IssuedResetLink issued={resetLink} onDone={() => setResetLink(null)} /> : null}
      {members.status === "loading" ? <LoadingState label={t("loading")} /> : null}
      {members.status === "error" ? (
        <ErrorState error={members.error} onRetry={members.reload} />
      ) : null}
      {members.status === "ready" ? (
        <div className="table-wrap card">
          <table className="table table-stack">
            <caption className="visually-hidden">{t("caption", { network: networkName })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("column.name")}</th>
                <th scope="col">{t("column.email")}</th>
                <th scope="col">{t("column.organisation")}</th>
                <th scope="col">{t("column.role")}</th>
                {showActions ? (
                  <th scope="col">
                    <span className="visually-hidden">{t("column.actions")}</span>
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
                          {isMe ? <span className="muted small"> {t("you")}</span> : null}
                        </span>
                      </span>
                    </th>
                    <td data-label={t("column.email")}>
                      <a href={`mailto:${member.email}`} className="link-quiet">
                        {member.email}
                      </a>
                    </td>
                    <td data-label={t("column.organisation")}>
                      {canManage && organisations.data ? (
                        <select
                          className="select select-compact"
                          aria-label={t("organisationOf", { name: member.name })}
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
                    <td data-label={t("column.role")}>
                      {canManage ? (
                        <select
                          className="select select-compact select-role"
                          aria-label={t("roleOf", { name: member.name })}
                          value={member.role}
                          disabled={busy}
                          onChange={(event) => {
                            const role = event.target.value;
                            if (isRole(role)) void change(member, { role });
                          }}
                        >
                          {ROLES.map((role) => (
                            <option key={role} value={role}>
                              {tc(`role.${role}`)}
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
                            aria-label={t("removeLabel", { name: member.name })}
                          >
                            {t("remove")}
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
        <summary>{t("roleLegend")}</summary>
        <dl>
          {ROLES.map((role) => (
            <div key={role} className="role-legend-row">
              <dt>
                <RoleBadge role={role} />
              </dt>
              <dd>{tc(`roleDescription.${role}`)}</dd>
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
        title={removing ? t("removeDialog.title", { name: removing.name }) : t("removeMember")}
        description={
          removing ? (
            <p>
              {t("removeDialog.body", {
                name: removing.name,
                organisation: removing.organisationAcronym || removing.organisationName,
                network: networkName,
              })}
            </p>
          ) : null
        }
        submitLabel={t("removeMember")}
        tone="danger"
        onSubmit={async () => {
          if (!removing) return;
          await api.removeMember(networkId, removing.userId);
          members.update((list) => list.filter((m) => m.userId !== removing.userId));
          setNotice({ tone: "success", text: t("removed", { name: removing.name }) });
        }}
      />
    </section>
  );
}
