import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError } from "../../api/errors";
import { Link } from "../../app/router";
import { useT } from "../../i18n";
import { Field } from "../../ui/field";
import { Notice } from "../../ui/states";
import { AuthLayout } from "./auth-layout";

/** Asking for a password-reset link; the answer is the same whether the account exists. */
export function ForgotPasswordPage() {
  const t = useT("auth");
  const tc = useT("common");
  const [email, setEmail] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [answer, setAnswer] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // the same answer whether the account exists, worded by the server in the reader's
      // language: it knows whether a link goes by e-mail or comes from an administrator
      setAnswer((await api.requestPasswordReset(email.trim())).message);
    } catch (caught) {
      setError(describeError(caught, tc));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthLayout>
      <h1 className="auth-title">{t("forgot.title")}</h1>
      {answer ? (
        <div className="stack">
          <Notice tone="success">{answer}</Notice>
          <Link to="/login" className="button button-secondary">
            {t("backToSignIn")}
          </Link>
        </div>
      ) : (
        <>
          <p className="muted">{t("forgot.lead")}</p>
          <form className="stack" onSubmit={(event) => void handleSubmit(event)}>
            <Field label={t("field.email")}>
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
              {busy ? t("forgot.busy") : t("forgot.submit")}
            </button>
          </form>
          <p className="muted small auth-footnote">
            <Link to="/login">{t("backToSignIn")}</Link>
          </p>
        </>
      )}
    </AuthLayout>
  );
}
