import type { Context, Hono } from "hono";
import type { z } from "zod";
import type { Deps } from "../deps";
import { AppError, type ErrorCode } from "../errors";
import { msg } from "../i18n/message";
import type { Caller } from "../services/caller";
import type { Page, PageQuery } from "../services/pages";
import { changeWithOneRetry } from "../services/storage";
import type { AppEnv } from "./env";
import { nextLink, readPageQuery } from "./pagination";
import type { HandlerTurns } from "./turns";

type Method = "get" | "post" | "put" | "patch" | "delete";

export type QueryParameter = {
  name: string;
  description: string;
  required?: boolean;
  enum?: readonly string[];
};

export type RouteSpec<Body extends z.ZodType | undefined> = {
  method: Method;
  /** Hono path, e.g. `/api/networks/:networkId/members`. */
  path: string;
  summary: string;
  tag: string;
  /** `public` routes answer anyone; `user` routes need a session cookie or an API token. */
  auth: "public" | "user";
  body?: Body;
  response?: z.ZodType;
  /** Content types of a file the route may answer instead of (or besides) JSON. */
  files?: string[];
  /** Query parameters, for the OpenAPI document (handlers read and check them). */
  query?: QueryParameter[];
  status?: 200 | 201 | 202 | 204;
  errors?: ErrorCode[];
  /** A collection: `?limit=`, `?cursor=` and these filters, a `Link: <…>; rel="next"` header. */
  collection?: { filters: Record<string, string> };
};

export type HandlerInput<Body extends z.ZodType | undefined> = {
  c: Context<AppEnv>;
  deps: Deps;
  params: Record<string, string>;
  body: Body extends z.ZodType ? z.output<Body> : undefined;
};

export type UserHandlerInput<Body extends z.ZodType | undefined> = HandlerInput<Body> & {
  caller: Caller;
};

export type RegisteredRoute = RouteSpec<z.ZodType | undefined>;

type CollectionSpec<Item> = Omit<
  RouteSpec<undefined>,
  "auth" | "body" | "method" | "response" | "collection"
> & {
  item: z.ZodType<Item>;
  filters?: Record<string, string>;
};

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = c.req.header("content-type") ?? "";
  if (!type.toLowerCase().startsWith("application/json")) {
    throw new AppError("unsupported_media_type", msg("request.notJson"));
  }
  const text = await c.req.text();
  try {
    return text === "" ? {} : JSON.parse(text);
  } catch (error) {
    throw new AppError("bad_request", msg("request.badJson"), { cause: error });
  }
}

/** Registers routes on Hono and remembers them for the OpenAPI document. */
export class RouteRegistry {
  readonly routes: RegisteredRoute[] = [];
  readonly #app: Hono<AppEnv>;
  readonly #deps: Deps;
  readonly #turns: HandlerTurns;

  /** `turns`: the app's, in which every API request is authenticated (app.ts). */
  constructor(app: Hono<AppEnv>, deps: Deps, turns: HandlerTurns) {
    this.#app = app;
    this.#deps = deps;
    this.#turns = turns;
  }

  public<Body extends z.ZodType | undefined = undefined>(
    spec: Omit<RouteSpec<Body>, "auth">,
    handler: (input: HandlerInput<Body> & { caller: Caller | null }) => unknown | Promise<unknown>,
  ): void {
    this.#add({ ...spec, auth: "public" }, handler);
  }

  user<Body extends z.ZodType | undefined = undefined>(
    spec: Omit<RouteSpec<Body>, "auth">,
    handler: (input: UserHandlerInput<Body>) => unknown | Promise<unknown>,
  ): void {
    this.#add({ ...spec, auth: "user" }, (input) => {
      if (!input.caller) throw new AppError("unauthenticated", msg("auth.signInFirst"));
      return handler({ ...input, caller: input.caller });
    });
  }

  /**
   * A collection (contract "Collections at scale"): the handler answers one page for `page`
   * (`?limit=`, default 100, at most 500, and `?cursor=`); the route answers its items as a JSON
   * array and, when more remain, `Link: <url>; rel="next"`. `filters` documents the query filters.
   */
  collection<Item>(
    spec: CollectionSpec<Item>,
    handler: (input: UserHandlerInput<undefined> & { page: PageQuery }) => Page<Item>,
  ): void {
    this.#collection("user", spec, (input) => {
      if (!input.caller) throw new AppError("unauthenticated", msg("auth.signInFirst"));
      return handler({ ...input, caller: input.caller });
    });
  }

  /** A collection anyone may read (the sign-in page's languages). */
  publicCollection<Item>(
    spec: CollectionSpec<Item>,
    handler: (
      input: HandlerInput<undefined> & { caller: Caller | null; page: PageQuery },
    ) => Page<Item>,
  ): void {
    this.#collection("public", spec, handler);
  }

  #collection<Item>(
    auth: RouteSpec<undefined>["auth"],
    spec: CollectionSpec<Item>,
    handler: (
      input: HandlerInput<undefined> & { caller: Caller | null; page: PageQuery },
    ) => Page<Item>,
  ): void {
    const { item, filters, ...rest } = spec;
    this.#add(
      {
        ...rest,
        method: "get",
        auth,
        response: item.array(),
        errors: [...new Set([...(rest.errors ?? []), "bad_request" as const])],
        collection: { filters: filters ?? {} },
      },
      (input) => {
        const page = handler({ ...input, body: undefined, page: readPageQuery(input.c) });
        if (page.next) input.c.header("Link", nextLink(input.c, page.next));
        return page.items;
      },
    );
  }

  #add<Body extends z.ZodType | undefined>(
    spec: RouteSpec<Body>,
    handler: (input: HandlerInput<Body> & { caller: Caller | null }) => unknown | Promise<unknown>,
  ): void {
    this.routes.push(spec as RegisteredRoute);
    this.#app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const caller = c.get("caller");
      if (spec.auth === "user" && !caller) {
        throw new AppError("unauthenticated", msg("auth.signInFirst"));
      }
      // the request's turn began before authentication (app.ts); reading a body may take more
      // turns of the event loop, so a handler that reads one waits for a turn of its own
      const body = (
        spec.body ? spec.body.parse(await readJson(c)) : undefined
      ) as HandlerInput<Body>["body"];
      if (spec.body) await this.#turns.wait();
      const attempt = () =>
        handler({
          c,
          deps: this.#deps,
          params: c.req.param() as Record<string, string>,
          body,
          caller,
        });
      const result =
        spec.method === "get"
          ? await attempt()
          : await changeWithOneRetry(this.#deps, attempt, {
              requestId: c.get("requestId"),
              path: c.req.path,
            });
      if (result instanceof Response) return result;
      const status = spec.status ?? 200;
      if (status === 204) return c.body(null, 204);
      return c.json(result as object, status);
    });
  }
}
