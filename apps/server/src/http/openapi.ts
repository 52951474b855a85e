import { z } from "zod";
import { ERROR_STATUS } from "../errors";
import type { RegisteredRoute } from "./route";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: { code: { type: "string" }, message: { type: "string" } },
    },
  },
};

function jsonSchema(schema: z.ZodType, io: "input" | "output"): unknown {
  return z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" });
}

/** OpenAPI 3.1 generated from the same zod schemas that validate requests. */
export function buildOpenApi(routes: readonly RegisteredRoute[]): unknown {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, "{$1}");
    const parameters: unknown[] = [...route.path.matchAll(/:(\w+)/g)].map((match) => ({
      name: match[1],
      in: "path",
      required: true,
      schema: { type: "string" },
    }));
    for (const query of route.query ?? []) {
      parameters.push({
        name: query.name,
        in: "query",
        required: query.required ?? false,
        description: query.description,
        schema: query.enum ? { type: "string", enum: query.enum } : { type: "string" },
      });
    }
    if (route.collection) {
      parameters.push(
        {
          name: "limit",
          in: "query",
          required: false,
          description: "Items per page, 1 to 500 (default 100)",
          schema: { type: "integer", minimum: 1, maximum: 500, default: 100 },
        } as (typeof parameters)[number],
        {
          name: "cursor",
          in: "query",
          required: false,
          description: 'Where the page starts: copy it from the previous answer\'s Link rel="next"',
          schema: { type: "string" },
        } as (typeof parameters)[number],
        ...Object.entries(route.collection.filters).map(
          ([name, description]) =>
            ({
              name,
              in: "query",
              required: false,
              description,
              schema: { type: "string" },
            }) as (typeof parameters)[number],
        ),
      );
    }
    const files = Object.fromEntries(
      (route.files ?? []).map((type) => [type, { schema: { type: "string", format: "binary" } }]),
    );
    const status = String(route.status ?? 200);
    const responses: Record<string, unknown> = {
      [status]:
        route.response || route.files
          ? {
              description: route.files ? "The file, as an attachment (Content-Disposition)" : "OK",
              ...(route.collection
                ? {
                    headers: {
                      Link: {
                        description:
                          'When more items remain: <URL of the next page>; rel="next" (absent on the last page)',
                        schema: { type: "string" },
                      },
                    },
                  }
                : {}),
              content: {
                ...(route.response
                  ? { "application/json": { schema: jsonSchema(route.response, "output") } }
                  : {}),
                ...files,
              },
            }
          : { description: "Done" },
    };
    const errors = new Set(route.errors ?? []);
    if (route.body) errors.add("validation_failed");
    if (route.auth === "user") errors.add("unauthenticated");
    for (const code of errors) {
      responses[String(ERROR_STATUS[code])] = {
        description: code,
        content: { "application/json": { schema: errorSchema } },
      };
    }
    paths[path] ??= {};
    (paths[path] as Record<string, unknown>)[route.method] = {
      summary: route.summary,
      tags: [route.tag],
      security: route.auth === "user" ? [{ session: [] }, { bearer: [] }] : [],
      parameters,
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: { "application/json": { schema: jsonSchema(route.body, "input") } },
            },
          }
        : {}),
      responses,
    };
  }
  paths["/api/events"] = {
    get: {
      summary:
        "Server-sent events for the signed-in user, filtered by what they may see: role-changed, warnings-changed, comments-changed, suggestions-changed (a suggested change was made, accepted, rejected or withdrawn: refetch .../suggestions), tasks-changed, owners-changed, notification, notifications-read, stage-changed (a workplan moved stage), lifecycle-changed (consultation deadline, validation answers, a revision opened: refetch .../lifecycle), versions-changed (a version was saved: refetch .../versions)",
      tags: ["events"],
      security: [{ session: [] }, { bearer: [] }],
      responses: {
        "200": { description: "text/event-stream", content: { "text/event-stream": {} } },
      },
    },
  };
  return {
    openapi: "3.1.0",
    info: { title: "Junction API", version: "1.0.0" },
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "junction_session" },
        bearer: { type: "http", scheme: "bearer" },
      },
    },
    paths,
  };
}
