import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError, isApiError } from "../../api/errors";
import { Link } from "../../app/router";
import { useSession } from "../../app/session";
import { Field } from "../../ui/field";
import { Notice } from "../../ui/states";
import { AuthLayout } from "./auth-layout";

export function LoginPage() {
  const { signedIn } = useSession();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      signedIn(await api.login({ email: email.trim(), password }));
    } catch (caught) {
      setError(
        isApiError(caught, 401)
          ? "That email and password do not match an account. Check both and try again."
          : describeError(caught),
      );
      setBusy(false);
    }
  }

  return (
    <AuthLayout>
      <h1 className="auth-title">Sign in</h1>
      <p className="muted">Use the email address your network invited.</p>
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
        <Field label="Password">
          <input
            className="input"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
        </Field>
        {error ? <Notice tone="error">{error}</Notice> : null}
        <button type="submit" className="button button-primary button-block" disabled={busy}>
          {busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="small auth-footnote">
        <Link to="/password-reset">Forgot your password?</Link>
      </p>
      <p className="muted small auth-footnote">
        New to your network? Ask a coordinator for an invitation link.
      </p>
    </AuthLayout>
  );
}
