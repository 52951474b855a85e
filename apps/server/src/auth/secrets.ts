import { sha256 } from "@oslojs/crypto/sha2";
import { constantTimeEqual } from "@oslojs/crypto/subtle";
import { encodeBase32LowerCaseNoPadding } from "@oslojs/encoding";

const encoder = new TextEncoder();

/** 120 bits of randomness in 24 base32 characters, as Lucia's guide generates ids and secrets. */
export function generateRandomString(): string {
  const bytes = new Uint8Array(15);
  crypto.getRandomValues(bytes);
  return encodeBase32LowerCaseNoPadding(bytes);
}

export function hashSecret(secret: string): Uint8Array {
  return sha256(encoder.encode(secret));
}

export function secretMatches(secret: string, hash: Uint8Array): boolean {
  return constantTimeEqual(hashSecret(secret), hash);
}

/** A credential handed out once as `<prefix><id>.<secret>`; only the secret's SHA-256 is stored. */
export type IssuedSecret = { id: string; secret: string; token: string; secretHash: Uint8Array };

export function issueSecret(prefix = ""): IssuedSecret {
  const id = generateRandomString();
  const secret = generateRandomString();
  return { id, secret, token: `${prefix}${id}.${secret}`, secretHash: hashSecret(secret) };
}

export function parseSecret(token: string, prefix = ""): { id: string; secret: string } | null {
  if (!token.startsWith(prefix)) return null;
  const [id, secret, extra] = token.slice(prefix.length).split(".");
  if (!id || !secret || extra !== undefined) return null;
  if (!/^[a-z2-7]{1,64}$/.test(id) || !/^[a-z2-7]{1,64}$/.test(secret)) return null;
  return { id, secret };
}
