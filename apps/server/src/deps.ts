import type { Role } from "@junction/domain";
import type { Db } from "@junction/store";
import type * as Y from "yjs";
import type { FailureLimiter } from "./auth/rate-limit";
import type { BackgroundWriter } from "./background-writer";
import type { Config } from "./config";
import type { EventBus } from "./events";
import type { LiveCredentials } from "./live-credentials";
import type { Logger } from "./log";
import type { Mailer } from "./mailer";
import type { WarningEngine } from "./services/warnings";

/** What live document connections need to hear when a membership or a workplan changes. */
export interface LiveDocuments {
  setRole(networkId: string, userId: string, role: Role | null): void;
  /** Re-applies every member's role to the workplan's open connections (archived, adopted...). */
  refreshWorkplan(workplanId: string): void;
  /** Changes a workplan's document on the server's side: stored, applied, broadcast. */
  change(workplanId: string, edit: (ydoc: Y.Doc) => void): boolean;
  /** The document's full state as stored, after storing what clients sent this turn. */
  readState(workplanId: string): Uint8Array;
}

/** Everything services need, built once in main.ts and passed in ("resolve once, pass it in"). */
export type Deps = {
  db: Db;
  config: Config;
  log: Logger;
  now: () => number;
  events: EventBus;
  mailer: Mailer;
  live: LiveDocuments;
  /** Open sockets and event streams by the session or token they authenticated with. */
  credentials: LiveCredentials;
  warnings: Pick<WarningEngine, "forgetNetwork" | "learnDecisions" | "onActivitiesChanged">;
  limiters: { account: FailureLimiter; address: FailureLimiter };
  /** Follow-up writes (notifications, memories) retried while the database is locked. */
  background: BackgroundWriter;
};
