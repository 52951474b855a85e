import type { PasswordResetPreview } from "@junction/domain";
import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError, isApiError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { Link } from "../../app/router";
import { useSession } from "../../app/session";
import { formatDateTime } from "../../lib/format";
import { ErrorState, LoadingState, Notice } from "../../ui/states";
import { AuthLayout } from "./auth-layout";
import { newPasswordProblem } from "./new-password";
import { NewPasswordFields } from "./new-password-fields";

const UNUSABLE_TITLES: Record<string, string> = {
  reset_link_expired: "This link has expired",
  reset_link_used: "This link was already used",
  reset_link_invalid: "This link is not valid",
};

/** The page a password-reset link opens: choose the new password, once. */
export function ResetPasswordPage({ token }: { token: string }) {
  const preview = useResource(() => api.passwordResetPreview(token), token);
  const [done, setDone] = useState(false);

  return (
    <AuthLayout>
      {done ? <ResetDone /> : null}
      {!done && preview.status === "loading" ? <LoadingState label="Checking your link…" /> : null}
      {!done && preview.status === "error" ? (
        isApiError(preview.error) && preview.error.code in UNUSABLE_TITLES ? (
          <UnusableLink code={preview.error.code} message={describeError(preview.error)} />
        ) : (
          <ErrorState error={preview.error} onRetry={preview.reload} />
        )
      ) : null}
      {!done && preview.status === "ready" ? (
        <ResetForm token={token} preview={preview.data} onDone={() => setDone(true)} />
      ) : null}
    </AuthLayout>
  );
}

function UnusableLink({ code, message }: { code: string; message: string }) {
  return (
    <>
      <h1 className="auth-title">{UNUSABLE_TITLES[code]}</h1>
      <Notice tone="warning">{message}</Notice>
      <div className="stack">
        <Link to="/password-reset" className="button button-primary">
          Ask for a new link
        </Link>
        <Link to="/login" className="button button-secondary">
          Go to sign in
        </Link>
      </div>
    </>
  );
}

function ResetDone() {
  return (
    <>
      <h1 className="auth-title">Your password was changed</h1>
      <Notice tone="success">
        Every browser and device that was signed in to your account has been signed out. Sign in
        with your new password.
      </Notice>
      <Link to="/login" className="button button-primary">
        Go to sign in
      </Link>
    </>
  );
}

function ResetForm({
  token,
  preview,
  onDone,
}: {
  token: string;
  preview: PasswordResetPreview;
  onDone: () => void;
}) {
  const { refresh } = useSession();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unusable, setUnusable] = useState<{ code: string; message: string } | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const problem = newPasswordProblem(password, confirm);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    try {
      await api.resetPassword(token, password);
      onDone();
      // the sessions of this account ended: this browser may have been one of them
      void refresh();
    } catch (caught) {
      if (isApiError(caught) && caught.code in UNUSABLE_TITLES) {
        setUnusable({ code: caught.code, message: caught.message });
      } else {
        setError(describeError(caught));
      }
      setBusy(false);
    }
  }

  if (unusable) return <UnusableLink code={unusable.code} message={unusable.message} />;
  return (
    <>
      <p className="eyebrow">Password reset</p>
      <h1 className="auth-title">Choose a new password</h1>
      <p className="muted">
        For <strong>{preview.email}</strong>. This link works once, until{" "}
        {formatDateTime(preview.expiresAt)}. Choosing a new password signs you out everywhere.
      </p>
      <form className="stack" onSubmit={(event) => void handleSubmit(event)}>
        <NewPasswordFields
          password={password}
          confirm={confirm}
          onPasswordChange={setPassword}
          onConfirmChange={setConfirm}
        />
        {error ? <Notice tone="error">{error}</Notice> : null}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? "Saving…" : "Set the new password"}
        </button>
      </form>
    </>
  );
}
