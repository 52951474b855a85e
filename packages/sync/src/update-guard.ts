import type * as Y from "yjs";
import type { Connection } from "./connection";
import type { SyncRole, SyncUser } from "./identity";
import type { DecodedUpdate } from "./update-check";

/** Who sent an update, as the guard sees it. */
export type UpdateWriter = {
  readonly docName: string;
  readonly user: SyncUser;
  readonly role: SyncRole;
};

/**
 * Finer rules than "this role may write": e.g. only some writers may change some attribute.
 * A writer's update cannot be refused in part (its later updates build on it), so the guard lets
 * it through and the server adds a correction right after it that undoes what the writer may not
 * do. Both are stored together and broadcast together, the correction to the writer as well, so
 * nobody sees the change the writer was not allowed to make.
 */
export type UpdateGuard = {
  /**
   * Cheap, for every writer's update as it arrives, against the live document (which may not
   * hold updates queued earlier in the same turn yet): false means the update needs no review.
   * `decoded` is the update as `Y.decodeUpdate` returns it, decoded once already.
   */
  concerns(decoded: DecodedUpdate, ydoc: Y.Doc, writer: UpdateWriter): boolean;
  /**
   * Exact, on a scratch copy holding the document as it is just before the update: call `apply`
   * to apply the update to `ydoc`, then change `ydoc` back wherever the writer overstepped.
   * Everything changed after `apply` becomes the correction. Answers what was put back, for the
   * log, or null when the update stands as it is.
   */
  review(ydoc: Y.Doc, apply: () => void, writer: UpdateWriter): string | null;
};

export function writerOf(docName: string, connection: Connection): UpdateWriter {
  return { docName, user: connection.user, role: connection.role ?? "viewer" };
}
