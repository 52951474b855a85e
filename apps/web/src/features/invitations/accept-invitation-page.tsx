import { type InvitationPreview, type Me, MIN_PASSWORD_LENGTH } from "@junction/domain";
import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError, isApiError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { Link, navigate } from "../../app/router";
import { useSession } from "../../app/session";
import { ROLE_DESCRIPTIONS, ROLE_LABELS } from "../../lib/format";
import { Field } from "../../ui/field";
import { ErrorState, LoadingState, Notice } from "../../ui/states";
import { AuthLayout } from "../auth/auth-layout";

export function AcceptInvitationPage({ token }: { token: string }) {
  const preview = useResource(() => api.invitationPreview(token), token);

  return (
    <AuthLayout>
      {preview.status === "loading" ? <LoadingState label="Checking your invitation…" /> : null}
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
  const { session } = useSession();
  const signedIn = session.status === "signed-in";
  return (
    <>
      <h1 className="auth-title">This invitation cannot be used</h1>
      <Notice tone="warning">{message}</Notice>
      <Link to={signedIn ? "/" : "/login"} className="button button-secondary">
        {signedIn ? "Go to your networks" : "Go to sign in"}
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
      setError(`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
      return;
    }
    if (creating && password !== confirm) {
      setError("The two passwords do not match.");
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
            ? `${preview.email} already has a Junction account, or this password is not its own. If you have an account, accept with its password instead.`
            : `That password does not open a Junction account for ${preview.email}. Check it, or create an account if you do not have one yet.`
          : describeError(caught),
      );
      setBusy(false);
    }
  }

  const summary = (
    <>
      <p className="eyebrow">Invitation</p>
      <h1 className="auth-title">Join {preview.networkName}</h1>
      <dl className="invitation-summary">
        <div>
          <dt>Email</dt>
          <dd>{preview.email}</dd>
        </div>
        <div>
          <dt>Organisation</dt>
          <dd>{preview.organisationName}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>
            {ROLE_LABELS[preview.role]}
            <span className="muted small block">{ROLE_DESCRIPTIONS[preview.role]}</span>
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
          You are signed in as {signedInAs.email}, but this invitation is for {preview.email}.
        </Notice>
        <button
          type="button"
          className="button button-primary"
          onClick={() => void signOut(window.location.pathname)}
        >
          Sign out to continue
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
            <p className="muted">Create your Junction account to accept.</p>
            <Field label="Your name">
              <input
                className="input"
                required
                autoComplete="name"
                maxLength={200}
                value={name}
                onChange={(event) => setName(event.target.value)}
              />
            </Field>
            <Field label="Password" hint={`At least ${MIN_PASSWORD_LENGTH} characters.`}>
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
            <Field label="Repeat password">
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
            <p className="muted">Enter the password of your Junction account to accept.</p>
            <input type="hidden" name="email" autoComplete="username" value={preview.email} />
            <Field label="Password">
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
          {busy ? "Joining…" : creating ? "Create account and join" : "Accept invitation"}
        </button>
      </form>
      {signedInAs ? null : (
        <p className="muted small auth-footnote">
          {creating ? "Already have a Junction account? " : "New to Junction? "}
          <button
            type="button"
            className="link-button"
            onClick={() => choose(creating ? "existing" : "new")}
          >
            {creating ? "Accept with its password" : "Create an account instead"}
          </button>
        </p>
      )}
    </>
  );
}
