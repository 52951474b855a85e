import { MIN_PASSWORD_LENGTH } from "@junction/domain";
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
  return (
    <>
      <Field
        label="New password"
        hint={`At least ${MIN_PASSWORD_LENGTH} characters; a few unrelated words are strong and easy to remember.`}
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
      <Field label="Repeat the new password">
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
