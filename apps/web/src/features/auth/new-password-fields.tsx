import { MIN_PASSWORD_LENGTH } from "@junction/domain";
import { useT } from "../../i18n";
import { Field } from "../../ui/field";

/** The new password and its repetition, as changing and resetting a password ask for them. */
export function NewPasswordFields(props: {
  password: string;
  confirm: string;
  onPasswordChange: (value: string) => void;
  onConfirmChange: (value: string) => void;
  /** A problem with the new password, shown under it. */
  error?: string | null;
}) {
  const t = useT("auth");
  return (
    <>
      <Field
        label={t("newPassword.label")}
        hint={t("newPassword.hint", { min: MIN_PASSWORD_LENGTH })}
        error={props.error ?? null}
      >
        <input
          className="input"
          type="password"
          name="new-password"
          autoComplete="new-password"
          required
          value={props.password}
          onChange={(event) => props.onPasswordChange(event.target.value)}
        />
      </Field>
      <Field label={t("newPassword.repeat")}>
        <input
          className="input"
          type="password"
          name="confirm-password"
          autoComplete="new-password"
          required
          value={props.confirm}
          onChange={(event) => props.onConfirmChange(event.target.value)}
        />
      </Field>
    </>
  );
}
