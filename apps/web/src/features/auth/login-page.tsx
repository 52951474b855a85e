import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError, isApiError } from "../../api/errors";
import { Link } from "../../app/router";
import { useSession } from "../../app/session";
import { useT } from "../../i18n";
import { Field } from "../../ui/field";
import { Notice } from "../../ui/states";
import { AuthLayout } from "./auth-layout";

export function LoginPage() {
  const t = useT("auth");
  const tc = useT("common");
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
      setError(isApiError(caught, 401) ? t("signIn.wrongCredentials") : describeError(caught, tc));
      setBusy(false);
    }
  }

  return (
    <AuthLayout>
      <h1 className="auth-title">{t("signIn.title")}</h1>
      <p className="muted">{t("signIn.lead")}</p>
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
        <Field label={t("field.password")}>
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
          {busy ? t("signIn.busy") : t("signIn.submit")}
        </button>
      </form>
      <p className="small auth-footnote">
        <Link to="/password-reset">{t("signIn.forgot")}</Link>
      </p>
      <p className="muted small auth-footnote">{t("signIn.newHere")}</p>
    </AuthLayout>
  );
}
