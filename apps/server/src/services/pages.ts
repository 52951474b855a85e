import {
  type Cursor,
  type Page,
  type PageRequest,
  pageOfList as pageOfStoredList,
} from "@junction/store";
import { AppError } from "../errors";

export type { Cursor, Page };

/** What a collection request asked for: `?limit=` and the decoded `?cursor=` (not yet checked). */
export type PageQuery = { limit: number; cursor: readonly unknown[] | null };

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

function badCursor(): AppError {
  return new AppError(
    "bad_request",
    "The cursor is not one this list gave out: follow the Link header, or start again without ?cursor=",
  );
}

/** Checks the cursor against the shape of the collection's sort key (`shape`: one type per key). */
export function pageRequest(
  query: PageQuery,
  shape: readonly ("string" | "number")[],
): PageRequest {
  const { cursor } = query;
  if (cursor === null) return { limit: query.limit, after: null };
  if (cursor.length !== shape.length) throw badCursor();
  const after: Cursor = cursor.map((value, i) => {
    if (typeof value !== shape[i] || (typeof value === "number" && !Number.isFinite(value)))
      throw badCursor();
    return value as string | number;
  });
  return { limit: query.limit, after };
}

/** A page of a short list held in memory, ordered by `keyOf` (whose shape the cursor must have). */
export function pageOfList<T>(
  list: readonly T[],
  shape: readonly ("string" | "number")[],
  keyOf: (item: T) => Cursor,
  query: PageQuery,
): Page<T> {
  return pageOfStoredList(list, keyOf, pageRequest(query, shape));
}

/** Maps the items of a page, keeping its cursor. */
export function mapPage<T, U>(page: Page<T>, map: (items: T[]) => U[]): Page<U> {
  return { items: map(page.items), next: page.next };
}
