import type { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import type { Deps } from "../../deps";
import { AppError } from "../../errors";
import type { ServerEvent } from "../../events";
import { msg } from "../../i18n/message";
import { maySeeEvent } from "../../services/access";
import { credentialOf } from "../../services/credentials";
import type { AppEnv } from "../env";

const HEARTBEAT_MS = 25_000;

/** GET /api/events: one server-sent event stream per user, filtered by network membership. */
export function registerEventRoutes(app: Hono<AppEnv>, deps: Deps): void {
  app.get("/api/events", (c) => {
    const caller = c.get("caller");
    if (!caller) throw new AppError("unauthenticated", msg("auth.signInFirst"));
    const userId = caller.user.id;
    return streamSSE(c, async (stream) => {
      const queue: ServerEvent[] = [];
      let wake: (() => void) | null = null;
      let isRevoked = false;
      // signing out, revoking the token or the session expiring ends the stream
      const release = deps.credentials.hold({
        ...credentialOf(caller),
        kind: "stream",
        end: () => {
          isRevoked = true;
          wake?.();
        },
      });
      const unsubscribe = deps.events.subscribe((event) => {
        if (!maySeeEvent(deps, userId, event)) return;
        queue.push(event);
        wake?.();
      });
      stream.onAbort(() => {
        unsubscribe();
        release();
        wake?.();
      });
      await stream.writeSSE({ event: "ready", data: JSON.stringify({ userId }) });
      while (!stream.aborted && !isRevoked) {
        const event = queue.shift();
        if (event) {
          await stream.writeSSE({ event: event.type, data: JSON.stringify(event.data) });
          continue;
        }
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, HEARTBEAT_MS);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = null;
        if (queue.length === 0 && !stream.aborted && !isRevoked) {
          await stream.write(": heartbeat\n\n");
        }
      }
      unsubscribe();
      release();
    });
  });
}
