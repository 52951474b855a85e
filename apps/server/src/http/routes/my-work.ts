import { myWorkSchema } from "@junction/domain";
import { getMyWork } from "../../services/my-work";
import type { RouteRegistry } from "../route";

/** "My work" (services/my-work.ts). */
export function registerMyWorkRoutes(api: RouteRegistry): void {
  api.user(
    {
      method: "get",
      path: "/api/me/work",
      summary:
        "My work: activities I own, tasks assigned to me, threads for me, warnings on my organisation's activities",
      tag: "account",
      response: myWorkSchema,
    },
    ({ deps, caller }) => getMyWork(deps, caller),
  );
}
