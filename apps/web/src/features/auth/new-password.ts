import { MIN_PASSWORD_LENGTH } from "@junction/domain";

/**
 * What to tell someone choosing a new password before asking the server, or null when the
 * server should decide (it also refuses common passwords and ones built from the address).
 */
export function newPasswordProblem(password: string, repeated: string): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    return `Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`;
  }
  if (password !== repeated) return "The two passwords do not match.";
  return null;
}
