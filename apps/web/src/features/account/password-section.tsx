import { type FormEvent, useState } from "react";
import { api } from "../../api/client";
import { describeError, isApiError } from "../../api/errors";
import { useT } from "../../i18n";
import { Field } from "../../ui/field";
import { Notice } from "../../ui/states";
import { newPasswordProblem } from "../auth/new-password";
import { NewPasswordFields } from "../auth/new-password-fields";

/** Changing the password needs the current one; every other session is signed out. */
export function PasswordSection({ onChanged }: { onChanged: () => void }) {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [confirm, setConfirm] = useState("");
  const t = useT("account");
  const tAuth = useT("auth");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ field: "current" | "new" | "form"; text: string } | null>(
    null,
  );
  const [done, setDone] = useState<string | null>(null);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setDone(null);
    const problem = newPasswordProblem(next, confirm, tAuth);
    if (problem) {
      setError({ field: "new", text: problem });
      return;
    }
    setBusy(true);
    try {
      const { endedSessions } = await api.changePassword({
        currentPassword: current,
        newPassword: next,
      });
      setCurrent("");
      setNext("");
      setConfirm("");
      setDone(
        endedSessions > 0
          ? t("password.changedAndSignedOut", { count: endedSessions })
          : t("password.changed"),
      );
      onChanged();
    } catch (caught) {
      if (isApiError(caught) && caught.code === "wrong_password") {
        setError({ field: "current", text: t("password.wrong") });
      } else if (isApiError(caught) && caught.code === "weak_password") {
        setError({ field: "new", text: caught.message });
      } else {
        setError({ field: "form", text: describeError(caught) });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="section" aria-labelledby="password-title">
      <div className="section-header">
        <div>
          <h2 id="password-title">{t("password.title")}</h2>
          <p className="muted small">{t("password.lead")}</p>
        </div>
      </div>
      <form className="card stack password-form" onSubmit={(event) => void handleSubmit(event)}>
        <Field label={t("password.current")} error={error?.field === "current" ? error.text : null}>
          <input
            className="input"
            type="password"
            name="current-password"
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => setCurrent(event.target.value)}
          />
        </Field>
        <NewPasswordFields
          password={next}
          confirm={confirm}
          onPasswordChange={setNext}
          onConfirmChange={setConfirm}
          error={error?.field === "new" ? error.text : null}
        />
        {error?.field === "form" ? <Notice tone="error">{error.text}</Notice> : null}
        {done ? <Notice tone="success">{done}</Notice> : null}
        <div>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t("password.changing") : t("password.submit")}
          </button>
        </div>
      </form>
    </section>
  );
}
