import type { Role } from "@junction/domain";

/** The authenticated user behind a connection, as the server resolved it before the upgrade. */
export type SyncUser = {
  readonly id: string;
  readonly name: string;
  readonly organisation: string;
  readonly color?: string;
};

export type SyncRole = Role;

/** What every awareness state's `user` field is overwritten with. */
export type AwarenessUser = {
  readonly id: string;
  readonly name: string;
  readonly organisation: string;
  readonly color: string;
};

// readable on white and on dark backgrounds, distinct enough for a handful of carets
const PALETTE = [
  "#d1495b",
  "#00798c",
  "#edae49",
  "#30638e",
  "#6a4c93",
  "#2a9d8f",
  "#e76f51",
  "#8a5a44",
  "#3d9970",
  "#b5179e",
  "#4361ee",
  "#c9184a",
] as const;

/** The same user gets the same colour on every connection and every server process. */
export function colorForUser(userId: string): string {
  let hash = 2166136261;
  for (let i = 0; i < userId.length; i++) {
    hash = Math.imul(hash ^ userId.charCodeAt(i), 16777619);
  }
  return PALETTE[(hash >>> 0) % PALETTE.length] ?? PALETTE[0];
}

export function awarenessUserOf(user: SyncUser): AwarenessUser {
  return {
    id: user.id,
    name: user.name,
    organisation: user.organisation,
    color: user.color ?? colorForUser(user.id),
  };
}

/** Returns the state to store, with the server's identity stamped in, or undefined if it is no state. */
export function stampAwarenessState(
  state: unknown,
  user: AwarenessUser,
): object | null | undefined {
  if (state === null) return null;
  if (typeof state !== "object" || Array.isArray(state)) return undefined;
  return { ...state, user };
}
