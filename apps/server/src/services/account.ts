import type { Me, UpdateMeRequest } from "@junction/domain";
import { appendAudit, findUserById, setUserLocale } from "@junction/store";
import type { Deps } from "../deps";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import type { Caller } from "./caller";
import { describeMe } from "./login";

/** Changes the caller's own settings (`locale`: a language this server speaks, or null). */
export function updateMe(deps: Deps, caller: Caller, body: UpdateMeRequest): Me {
  const user = caller.user;
  if (body.locale !== undefined && body.locale !== user.locale) {
    const locale = body.locale;
    if (locale !== null && !deps.i18n.isAvailable(locale)) {
      throw new AppError(
        "validation_failed",
        msg("locale.unknown", {
          locale,
          locales: deps.i18n
            .locales()
            .map((info) => info.code)
            .join(", "),
        }),
      );
    }
    setUserLocale(deps.db, user.id, locale);
    appendAudit(
      deps.db,
      {
        actorId: user.id,
        action: "account.locale",
        subject: user.id,
        detail: { from: user.locale, to: locale },
        ip: caller.ip,
      },
      deps.now(),
    );
  }
  return describeMe(deps, findUserById(deps.db, user.id) ?? user);
}
