import type { IssuedPasswordReset, MemberView } from "@junction/domain";
import { useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { useFormat, useT } from "../../i18n";
import { SecretValue } from "../../ui/copy-button";
import { Notice } from "../../ui/states";

/** An instance administrator issues a member a password-reset link (when no e-mail goes out). */
export function PasswordResetButton({
  member,
  onIssued,
}: {
  member: MemberView;
  onIssued: (issued: IssuedPasswordReset | { error: string }) => void;
}) {
  const t = useT("members");
  const [busy, setBusy] = useState(false);

  async function issue() {
    setBusy(true);
    try {
      onIssued(await api.issuePasswordReset(member.userId));
    } catch (caught) {
      onIssued({ error: describeError(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <button
      type="button"
      className="button button-ghost button-small"
      disabled={busy}
      onClick={() => void issue()}
      aria-label={t("reset.linkFor", { name: member.name })}
    >
      {t("reset.button")}
    </button>
  );
}

/** The link just issued, shown once, to hand over by a channel the administrator trusts. */
export function IssuedResetLink({
  issued,
  onDone,
}: {
  issued: IssuedPasswordReset | { error: string };
  onDone: () => void;
}) {
  const t = useT("members");
  const f = useFormat();
  if ("error" in issued) {
    return (
      <Notice tone="error" onDismiss={onDone}>
        {issued.error}
      </Notice>
    );
  }
  return (
    <div className="card card-highlight invitation-created" role="status">
      <h2>{t("reset.linkFor", { name: issued.email })}</h2>
      <p>
        {t.rich("reset.body", {
          email: issued.email,
          expires: f.dateTime(issued.expiresAt),
          strong: (chunks) => <strong key="expires">{chunks}</strong>,
        })}
      </p>
      <SecretValue value={issued.link} label={t("reset.link")} />
      <div className="row-end">
        <button type="button" className="button button-ghost" onClick={onDone}>
          {t("done")}
        </button>
      </div>
    </div>
  );
}
