import { ACTIVITY_STATUSES } from "@junction/domain";
import type { Context } from "hono";
import { AppError } from "../errors";
import {
  type Cursor,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  type PageQuery,
  pageOfList,
} from "../services/pages";
import type { AppEnv } from "./env";

/** Reads `?limit=` (1 to 500, default 100) and `?cursor=` (opaque; decoded, checked by the service). */
export function readPageQuery(c: Context<AppEnv>): PageQuery {
  const limitText = c.req.query("limit");
  let limit = DEFAULT_PAGE_SIZE;
  if (limitText !== undefined) {
    if (!/^\d+$/.test(limitText) || Number(limitText) < 1 || Number(limitText) > MAX_PAGE_SIZE) {
      throw new AppError(
        "bad_request",
        `limit must be a whole number from 1 to ${MAX_PAGE_SIZE} (got "${limitText}")`,
      );
    }
    limit = Number(limitText);
  }
  const cursorText = c.req.query("cursor");
  return { limit, cursor: cursorText === undefined ? null : decodeCursor(cursorText) };
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

function decodeCursor(text: string): readonly unknown[] {
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(text)) throw new Error("not base64url");
    const value: unknown = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
    if (Array.isArray(value)) return value;
  } catch {
    // answered below
  }
  throw new AppError(
    "bad_request",
    "The cursor is not one this list gave out: follow the Link header, or start again without ?cursor=",
  );
}

/** `Link: <url>; rel="next"`: this request's URL with the next page's cursor. */
export function nextLink(c: Context<AppEnv>, next: Cursor): string {
  const url = new URL(c.req.url);
  url.searchParams.set("cursor", encodeCursor(next));
  return `<${url.href}>; rel="next"`;
}

/** Reads a filter from the query string: absent is undefined, a value outside `values` is a 400. */
export function readFilter<T extends string>(
  c: Context<AppEnv>,
  name: string,
  values?: readonly T[],
): T | undefined {
  const text = c.req.query(name);
  if (text === undefined) return undefined;
  if (text === "" || (values && !values.includes(text as T))) {
    throw new AppError(
      "bad_request",
      values
        ? `${name} must be one of ${values.join(", ")} (got "${text}")`
        : `${name} must not be empty`,
    );
  }
  return text as T;
}

/** The filters of an activity index, the live one's and a saved version's alike. */
export const ACTIVITY_FILTERS = {
  organisation: "an organisation (id, acronym or name): the activities it leads",
  status: `${ACTIVITY_STATUSES.join(", ")}`,
};

export function readActivityFilters(c: Context<AppEnv>): {
  organisation?: string;
  status?: string;
} {
  return {
    organisation: readFilter(c, "organisation"),
    status: readFilter(c, "status", ACTIVITY_STATUSES),
  };
}

/**
 * How a short list held in memory is ordered for paging: its key's shape and the key. `grows`
 * says where the list's own order puts new items: its position from that end breaks ties (two
 * stage moves in one millisecond keep the order the store gave them).
 */
export type ListOrder<T> = {
  shape: readonly ("string" | "number")[];
  keyOf: (item: T) => Cursor;
  grows?: "at-end" | "at-start";
};

const time = (iso: string): number => Date.parse(iso);

/** Orders for the short lists (a user's tokens, a workplan's versions) paged in memory. */
export const LIST_ORDERS = {
  /** The list's own order (the languages: the built-in ones first, then those installed). */
  asListed: { shape: ["number"], keyOf: () => [], grows: "at-end" },
  newestFirst: {
    shape: ["number", "number"],
    keyOf: (item: { createdAt: string }) => [-time(item.createdAt)],
    grows: "at-start",
  },
  lastSeenFirst: {
    shape: ["number", "string"],
    keyOf: (item: { lastSeenAt: string; id: string }) => [-time(item.lastSeenAt), item.id],
  },
  byName: {
    shape: ["string", "string"],
    keyOf: (item: { name: string; id: string }) => [item.name, item.id],
  },
  oldestMoveFirst: {
    shape: ["number", "number"],
    keyOf: (item: { at: string }) => [time(item.at)],
    grows: "at-end",
  },
  workplans: {
    shape: ["number", "number", "string"],
    keyOf: (item: { archived: boolean; createdAt: string; id: string }) => [
      item.archived ? 1 : 0,
      time(item.createdAt),
      item.id,
    ],
  },
} as const;

/** A page of a short list (bounded by nature) in `order`; the cursor is checked like any other. */
export function pageOfShortList<T>(list: readonly T[], order: ListOrder<T>, page: PageQuery) {
  const { grows } = order;
  if (grows === undefined) return pageOfList(list, order.shape, order.keyOf, page);
  const last = list.length - 1;
  const positioned = list.map((item, index) => ({ item, index }));
  const result = pageOfList(
    positioned,
    order.shape,
    ({ item, index }) => [...order.keyOf(item), grows === "at-end" ? index : index - last],
    page,
  );
  return { items: result.items.map(({ item }) => item), next: result.next };
}
