import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@junction/domain";
import { hash, verify } from "@node-rs/argon2";
import { type Message, msg } from "../i18n/message";
import { COMMON_PASSWORDS } from "./common-passwords";

// OWASP's argon2id recommendation: 19 MiB, 2 iterations, 1 lane
const ARGON2_OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Burns the time of one verification so unknown emails answer as slowly as wrong passwords. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword("junction-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
}

/**
 * NIST SP 800-63B: length, not composition; refuse common and context-specific passwords.
 * Returns the problem in words, or null when the password is acceptable.
 */
export function checkPasswordRules(
  password: string,
  context: { email?: string; name?: string } = {},
): Message | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) {
    return msg("password.tooShort", { min: MIN_PASSWORD_LENGTH });
  }
  if (length > MAX_PASSWORD_LENGTH) return msg("password.tooLong", { max: MAX_PASSWORD_LENGTH });
  const lowered = password.toLowerCase();
  if (COMMON_PASSWORDS.has(lowered) || /^(.)\1+$/.test(password) || isSequence(lowered)) {
    return msg("password.common");
  }
  const local = context.email?.split("@")[0]?.toLowerCase();
  if ((local && local.length >= 4 && lowered.includes(local)) || lowered.includes("junction")) {
    return msg("password.personal");
  }
  return null;
}

function isSequence(value: string): boolean {
  const sequences = [
    "0123456789012345678901234567890",
    "abcdefghijklmnopqrstuvwxyz",
    "qwertyuiopasdfghjklzxcvbnm",
  ];
  return sequences.some(
    (sequence) => sequence.includes(value) || [...sequence].reverse().join("").includes(value),
  );
}
