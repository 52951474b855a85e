import { type InvitationPreview, type Me, MIN_PASSWORD_LENGTH } from "@junction/domain";
import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError, isApiError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { Link, navigate } from "../../app/router";
import { useSession } from "../../app/session";
import { useT } from "../../i18n";
import { Field } from "../../ui/field";
import { ErrorState, LoadingState, Notice } from "../../ui/states";
import { AuthLayout } from "../auth/auth-layout";

export function AcceptInvitationPage({ token }: { token: string }) {
  const t = useT("invitations");
  const preview = useResource(() => api.invitationPreview(token), token);

  return (
    <AuthLayout>
      {preview.status === "loading" ? <LoadingState label={t("checking")} /> : null}
      {preview.status === "error" ? (
        isApiError(preview.error, 404) ? (
          <InvalidInvitation message={describeError(preview.error)} />
        ) : (
          <ErrorState error={preview.error} onRetry={preview.reload} />
        )
      ) : null}
      {preview.status === "ready" ? <Acceptance token={token} preview={preview.data} /> : null}
    </AuthLayout>
  );
}

function InvalidInvitation({ message }: { message: string }) {
  const t = useT("invitations");
  const { session } = useSession();
  const signedIn = session.status === "signed-in";
  return (
    <>
      <h1 className="auth-title">{t("invalid.title")}</h1>
      <Notice tone="warning">{message}</Notice>
      <Link to={signedIn ? "/" : "/login"} className="button button-secondary">
        {signedIn ? t("invalid.home") : t("invalid.signIn")}
      </Link>
    </>
  );
}

/** After accepting, open the network the invitation was for (found by name in the new Me). */
function landingPath(me: Me, preview: InvitationPreview): string {
  const membership = me.memberships.find((m) => m.networkName === preview.networkName);
  return membership ? `/networks/${encodeURIComponent(membership.networkId)}` : "/";
}

/** Signed out, the invitee says which: the page cannot know, and must not (see the preview). */
type AccountChoice = "new" | "existing";

function Acceptance({ token, preview }: { token: string; preview: InvitationPreview }) {
  const t = useT("invitations");
  const tc = useT("common");
  const tAuth = useT("auth");
  const { session, signedIn, signOut } = useSession();
  const [choice, setChoice] = useState<AccountChoice>("new");
  const [name, setName] = useState("");
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const signedInAs = session.status === "signed-in" ? session.me : null;
  const isInvitee = signedInAs?.email.toLowerCase() === preview.email.toLowerCase();
  const creating = !signedInAs && choice === "new";

  function choose(next: AccountChoice) {
    setChoice(next);
    setError(null);
    setPassword("");
    setConfirm("");
  }

  async function accept(event?: FormEvent<HTMLFormElement>) {
    event?.preventDefault();
    setError(null);
    if (creating && password.length < MIN_PASSWORD_LENGTH) {
      setError(tAuth("newPassword.tooShort", { min: MIN_PASSWORD_LENGTH }));
      return;
    }
    if (creating && password !== confirm) {
      setError(tAuth("newPassword.mismatch"));
      return;
    }
    setBusy(true);
    try {
      const body = isInvitee ? {} : creating ? { name: name.trim(), password } : { password };
      const me = await api.acceptInvitation(token, body);
      signedIn(me);
      navigate(landingPath(me, preview), { replace: true });
    } catch (caught) {
      setError(
        isApiError(caught, 401)
          ? creating
            ? t("error.accountExists", { email: preview.email })
            : t("error.wrongPassword", { email: preview.email })
          : describeError(caught),
      );
      setBusy(false);
    }
  }

  const summary = (
    <>
      <p className="eyebrow">{t("eyebrow")}</p>
      <h1 className="auth-title">
        {t.rich("join", { network: <bdi key="network">{preview.networkName}</bdi> })}
      </h1>
      <dl className="invitation-summary">
        <div>
          <dt>{t("summary.email")}</dt>
          <dd>{preview.email}</dd>
        </div>
        <div>
          <dt>{t("summary.organisation")}</dt>
          <dd dir="auto">{preview.organisationName}</dd>
        </div>
        <div>
          <dt>{t("summary.role")}</dt>
          <dd>
            {tc(`role.${preview.role}`)}
            <span className="muted small block">{tc(`roleDescription.${preview.role}`)}</span>
          </dd>
        </div>
      </dl>
    </>
  );

  if (signedInAs && !isInvitee) {
    return (
      <>
        {summary}
        <Notice tone="warning">
          {t("otherAccount", { signedInAs: signedInAs.email, invitee: preview.email })}
        </Notice>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void signOut(window.location.pathname)}
        >
          {t("signOutToContinue")}
        </button>
      </>
    );
  }

  return (
    <>
      {summary}
      <form className="stack" onSubmit={(event) => void accept(event)}>
        {creating ? (
          <>
            <p className="muted">{t("create.lead")}</p>
            <Field label={t("create.name")}>
              <input
                className="input"
                required
                autoComplete="name"
                maxLength={200}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </Field>
            <Field
              label={t("password")}
              hint={t("create.passwordHint", { min: MIN_PASSWORD_LENGTH })}
            >
              <input
                className="input"
                type="password"
                required
                minLength={MIN_PASSWORD_LENGTH}
                autoComplete="new-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </Field>
            <Field label={t("create.repeat")}>
              <input
                className="input"
                type="password"
                required
                autoComplete="new-password"
                value={confirm}
                onChange={(event) => setConfirm(event.target.value)}
              />
            </Field>
          </>
        ) : null}
        {!creating && !isInvitee ? (
          <>
            <p className="muted">{t("existing.lead")}</p>
            <input type="hidden" name="email" autoComplete="username" value={preview.email} />
            <Field label={t("password")}>
              <input
                className="input"
                type="password"
                required
                autoComplete="current-password"
                value={password}
                onChange={(event) => setPassword(event.target.value)}
              />
            </Field>
          </>
        ) : null}
        {error ? <Notice tone="error">{error}</Notice> : null}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? t("joining") : creating ? t("create.submit") : t("accept")}
        </button>
      </form>
      {signedInAs ? null : (
        <p className="muted small auth-footnote">
          {creating ? t("create.haveAccount") : t("existing.newHere")}{" "}
          <button
            type="button"
            className="link-button"
            onClick={() => choose(creating ? "existing" : "new")}
          >
            {creating ? t("create.useExisting") : t("existing.createInstead")}
          </button>
        </p>
      )}
    </>
  );
}
