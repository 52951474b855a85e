import { localeInfoSchema, localeMessagesSchema } from "@junction/domain";
import { AppError } from "../../errors";
import { LIST_ORDERS, pageOfShortList } from "../pagination";
import type { RouteRegistry } from "../route";

/** The languages this server speaks and the translations installed for them (contract "Language"). */
export function registerLocaleRoutes(api: RouteRegistry): void {
  api.publicCollection(
    {
      path: "/api/locales",
      summary: "The interface's languages: the five built in, then any installed from files",
      tag: "languages",
      item: localeInfoSchema,
    },
    ({ deps, page }) => pageOfShortList(deps.i18n.locales(), LIST_ORDERS.asListed, page),
  );

  api.public(
    {
      method: "get",
      path: "/api/locales/:locale/messages",
      summary:
        "A language's installed messages by namespace (`{}` for a built-in language without a file); ETag-cacheable",
      tag: "languages",
      response: localeMessagesSchema,
      errors: ["not_found"],
    },
    ({ c, deps, params }) => {
      const code = params.locale ?? "";
      const file = deps.i18n.file(code);
      if (!file) {
        throw new AppError("not_found", `No language "${code}" here; see /api/locales`);
      }
      c.header("ETag", file.etag);
      c.header("Cache-Control", "public, max-age=0, must-revalidate");
      const tags =
        c.req
          .header("if-none-match")
          ?.split(",")
          .map((tag) => tag.trim()) ?? [];
      if (tags.includes(file.etag) || tags.includes("*")) return c.body(null, 304);
      return file.messages;
    },
  );
}
