import type { PasswordResetPreview } from "@junction/domain";
import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError, isApiError } from "../../api/errors";
import { useResource } from "../../api/use-resource";
import { Link } from "../../app/router";
import { useSession } from "../../app/session";
import { type MessageKey, useFormat, useT } from "../../i18n";
import { ErrorState, LoadingState, Notice } from "../../ui/states";
import { AuthLayout } from "./auth-layout";
import { newPasswordProblem } from "./new-password";
import { NewPasswordFields } from "./new-password-fields";

const UNUSABLE_TITLES: Record<string, MessageKey<"auth">> = {
  reset_link_expired: "reset.expired",
  reset_link_used: "reset.used",
  reset_link_invalid: "reset.invalid",
};

/** The page a password-reset link opens: choose the new password, once. */
export function ResetPasswordPage({ token }: { token: string }) {
  const preview = useResource(() => api.passwordResetPreview(token), token);
  const [done, setDone] = useState(false);
  const t = useT("auth");
  const tc = useT("common");

  return (
    <AuthLayout>
      {done ? <ResetDone /> : null}
      {!done && preview.status === "loading" ? <LoadingState label={t("reset.checking")} /> : null}
      {!done && preview.status === "error" ? (
        isApiError(preview.error) && preview.error.code in UNUSABLE_TITLES ? (
          <UnusableLink code={preview.error.code} message={describeError(preview.error, tc)} />
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
  const t = useT("auth");
  return (
    <>
      <h1 className="auth-title">{t(UNUSABLE_TITLES[code] ?? "reset.invalid")}</h1>
      <Notice tone="warning">{message}</Notice>
      <div className="stack">
        <Link to="/password-reset" className="button button-primary">
          {t("reset.askAgain")}
        </Link>
        <Link to="/login" className="button button-secondary">
          {t("goToSignIn")}
        </Link>
      </div>
    </>
  );
}

function ResetDone() {
  const t = useT("auth");
  return (
    <>
      <h1 className="auth-title">{t("reset.doneTitle")}</h1>
      <Notice tone="success">{t("reset.doneBody")}</Notice>
      <Link to="/login" className="button button-primary">
        {t("goToSignIn")}
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
  const t = useT("auth");
  const tc = useT("common");
  const f = useFormat();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [unusable, setUnusable] = useState<{ code: string; message: string } | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    const problem = newPasswordProblem(password, confirm, t);
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
        setError(describeError(caught, tc));
      }
      setBusy(false);
    }
  }

  if (unusable) return <UnusableLink code={unusable.code} message={unusable.message} />;
  return (
    <>
      <p className="eyebrow">{t("reset.eyebrow")}</p>
      <h1 className="auth-title">{t("reset.title")}</h1>
      <p className="muted">
        {t.rich("reset.lead", {
          email: preview.email,
          expires: f.dateTime(preview.expiresAt),
          strong: (chunks) => <strong key="email">{chunks}</strong>,
        })}
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
          {busy ? t("reset.busy") : t("reset.submit")}
        </button>
      </form>
    </>
  );
}
