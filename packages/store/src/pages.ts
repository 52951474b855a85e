import type { Db } from "./db";
import { statement } from "./statements";

/** One value of a sort key, as a cursor carries it. */
export type CursorValue = string | number;
/** Where a page ended: the sort key of its last item, opaque to callers. */
export type Cursor = readonly CursorValue[];
export type PageRequest = { limit: number; after: Cursor | null };
export type Page<T> = { items: T[]; next: Cursor | null };

/** One column (or expression) of a collection's order; none may be NULL. */
export type OrderKey = { sql: string; desc?: boolean };

/** `ORDER BY` for the keys, e.g. `w.score DESC, w.id`. */
export function orderBy(keys: readonly OrderKey[]): string {
  return keys.map((key) => `${key.sql}${key.desc ? " DESC" : ""}`).join(", ");
}

/**
 * The rows strictly after a cursor in this order: `(k1 > ?) OR (k1 = ? AND k2 > ?) ...`, each
 * comparison flipped for a descending key. Rows inserted meanwhile land before or after it, never
 * shifting what the next page holds.
 */
export function afterCursor(keys: readonly OrderKey[]): string {
  const terms = keys.map((key, i) => {
    const equal = keys.slice(0, i).map((previous) => `${previous.sql} = ?`);
    return `(${[...equal, `${key.sql} ${key.desc ? "<" : ">"} ?`].join(" AND ")})`;
  });
  return `(${terms.join(" OR ")})`;
}

/** The parameters `afterCursor` takes, in its order. */
export function cursorParameters(cursor: Cursor): CursorValue[] {
  return cursor.flatMap((_, i) => cursor.slice(0, i + 1));
}

/** Whether a cursor has the shape a collection's keys give (else it came from elsewhere). */
export function fitsKeys(cursor: Cursor, keys: readonly OrderKey[]): boolean {
  return cursor.length === keys.length;
}

/** Cuts rows fetched with `LIMIT limit + 1` into a page and the cursor after it. */
export function toPage<Row, T>(
  rows: readonly Row[],
  limit: number,
  keyOf: (row: Row) => Cursor,
  map: (row: Row) => T,
): Page<T> {
  const shown = rows.slice(0, limit);
  const last = shown.at(-1);
  return {
    items: shown.map(map),
    next: rows.length > limit && last !== undefined ? keyOf(last) : null,
  };
}

/**
 * A page of a list already in memory, in the order `keyOf` gives (compared value by value): for
 * short lists bounded by nature (a user's tokens, a workplan's stage moves).
 */
export function pageOfList<T>(
  list: readonly T[],
  keyOf: (item: T) => Cursor,
  request: PageRequest,
): Page<T> {
  const keyed = list.map((item) => ({ item, key: keyOf(item) }));
  keyed.sort((x, y) => compareKeys(x.key, y.key));
  const { after } = request;
  const rest = after ? keyed.filter((entry) => compareKeys(entry.key, after) > 0) : keyed;
  return toPage(
    rest,
    request.limit,
    (entry) => entry.key,
    (entry) => entry.item,
  );
}

export function compareKeys(a: Cursor, b: Cursor): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x === "number" && typeof y === "number") return x < y ? -1 : 1;
    return String(x) < String(y) ? -1 : 1;
  }
  return 0;
}

/**
 * One page of `select` (a `SELECT … FROM …` without WHERE) in the order `keys` give, from the
 * row after `page.after`: `LIMIT limit + 1` over an index, whatever the table holds.
 */
export function selectPage<Row>(
  db: Db,
  query: { select: string; where: readonly string[]; params: readonly unknown[] },
  keys: readonly OrderKey[],
  page: PageRequest,
): Page<Row> {
  const where = [...query.where];
  if (page.after) where.push(afterCursor(keys));
  const sortKeys = keys.map((key, i) => `${key.sql} AS sort_key_${i}`).join(", ");
  const rows = statement(
    db,
    `${query.select.replace(/^\s*SELECT /i, `SELECT ${sortKeys}, `)}
     ${where.length > 0 ? `WHERE ${where.join(" AND ")}` : ""}
     ORDER BY ${orderBy(keys)} LIMIT ?`,
  ).all(
    ...query.params,
    ...(page.after ? cursorParameters(page.after) : []),
    page.limit + 1,
  ) as (Row & Record<string, CursorValue>)[];
  return toPage(
    rows,
    page.limit,
    (row) => keys.map((_, i) => row[`sort_key_${i}`] as CursorValue),
    (row) => row,
  );
}
