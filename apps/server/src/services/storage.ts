import { countChanges, isDatabaseLocked, isStorageUnavailable } from "@junction/store";
import { DocumentUnavailableError } from "@junction/sync";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { type Message, msg } from "../i18n/message";
import type { LogFields } from "../log";

/** The pause before the one retry of a change the database refused as busy. */
const BUSY_RETRY_MS = 150;

/**
 * What to tell a caller whose change the database refused (locked by another process, or its
 * disk full): the transaction rolled back, nothing was half-written, it can be tried again.
 * Null when the error is not such a refusal.
 */
export function storageRefusal(error: unknown): { sqliteCode: unknown; message: Message } | null {
  if (!isStorageUnavailable(error)) return null;
  const sqliteCode = (error as { code?: unknown }).code;
  return {
    sqliteCode,
    message:
      sqliteCode === "SQLITE_FULL" || sqliteCode === "53100"
        ? msg("storage.full")
        : msg("storage.busy"),
  };
}

/**
 * For a document change or read that failed: the storage refused it (busy, full) or the document
 * could not be reached, a 503 saying `message`; anything else is a fault, thrown on as it is, for
 * the app's handler to log and answer 500 (a "try again" would hide it for good).
 */
export function refuseIfUnavailable(error: unknown, message: Message): never {
  if (error instanceof DocumentUnavailableError || isStorageUnavailable(error)) {
    throw new AppError("unavailable", message, { cause: error });
  }
  throw error;
}

/** Whether another connection held the database's lock: worth trying again in a moment. */
export function isDatabaseBusy(error: unknown): boolean {
  return isDatabaseLocked(error);
}

/**
 * Runs a change; if another process held the database's lock and the attempt wrote nothing,
 * tries once more after a pause that leaves the event loop free (the busy timeout is short, so
 * the first attempt failed fast). Still locked: the error goes to the caller (503), nothing saved.
 */
export async function changeWithOneRetry<T>(
  deps: Pick<Deps, "db" | "log">,
  attempt: () => T | Promise<T>,
  fields: LogFields,
): Promise<T> {
  const changes = countChanges(deps.db);
  try {
    return await attempt();
  } catch (error) {
    // any write meanwhile (this request's or another's) rules a second attempt out: no doubles
    if (!isDatabaseLocked(error) || countChanges(deps.db) !== changes) throw error;
    deps.log.info("the database was busy; trying the request once more", fields);
    await new Promise((resolve) => setTimeout(resolve, BUSY_RETRY_MS));
    return attempt();
  }
}
