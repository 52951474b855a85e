import { canWriteDocument, colorForUser, type Role } from "@junction/domain";

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

/** Whether a connection with `role` may change the document (null: the user was removed). */
export function isWriter(role: SyncRole | null): boolean {
  return role !== null && canWriteDocument(role);
}
