import { MIN_PASSWORD_LENGTH } from "@junction/domain";
import type { Translate } from "../../i18n";

/**
 * What to tell someone choosing a new password before asking the server, or null when the
 * server should decide (it also refuses common passwords and ones built from the address).
 */
export function newPasswordProblem(
  password: string,
  repeated: string,
  t: Translate<"auth">,
): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return t("newPassword.tooShort", { min: MIN_PASSWORD_LENGTH });
  }
  if (password !== repeated) return t("newPassword.mismatch");
  return null;
}
