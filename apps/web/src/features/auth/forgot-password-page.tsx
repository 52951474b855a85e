import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { Link } from "../../app/router";
import { Field } from "../../ui/field";
import { Notice } from "../../ui/states";
import { AuthLayout } from "./auth-layout";

/** Asking for a password-reset link; the answer is the same whether the account exists. */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setAnswer((await api.requestPasswordReset(email.trim())).message);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout>
      <h1 className="auth-title">Reset your password</h1>
      {answer ? (
        <div className="stack">
          <Notice tone="success">{answer}</Notice>
          <Link to="/login" className="button button-secondary">
            Back to sign in
          </Link>
        </div>
      ) : (
        <>
          <p className="muted">
            Enter the email address of your account. We send a link to choose a new password; it
            works once, for a limited time.
          </p>
          <form className="stack" onSubmit={(event) => void handleSubmit(event)}>
            <Field label="Email">
              <input
                className="input"
                type="email"
                name="email"
                autoComplete="username"
                required
                value={email}
                onChange={(event) => setEmail(event.target.value)}
              />
            </Field>
            {error ? <Notice tone="error">{error}</Notice> : null}
            <button type="submit" className="button button-primary button-block" disabled={busy}>
              {busy ? "Sending…" : "Send the link"}
            </button>
          </form>
          <p className="muted small auth-footnote">
            <Link to="/login">Back to sign in</Link>
          </p>
        </>
      )}
    </AuthLayout>
  );
}
