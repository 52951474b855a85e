import type { Activity, Role } from "@junction/domain";
import type { Db } from "@junction/store";
import type * as Y from "yjs";
import type { FailureLimiter } from "./auth/rate-limit";
import type { BackgroundWriter } from "./background-writer";
import type { Config } from "./config";
import type { Deployment } from "./deployment/deployment";
import type { EventBus } from "./events";
import type { ExportRunner } from "./exports/export-runner";
import type { Translator } from "./i18n/translator";
import type { LiveCredentials } from "./live-credentials";
import type { Logger } from "./log";
import type { Mailer } from "./mailer";

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

/** The duplication engine, as the services that change a network's organisations see it. */
export interface DuplicationWarnings {
  /** A workplan's activities were re-read: re-score what changed and store the warnings. */
  onActivitiesChanged(
    workplan: { id: string; networkId: string },
    before: readonly Activity[],
    after: readonly Activity[],
  ): void;
  /** The network's organisations changed: its index is rebuilt on next use. */
  forgetNetwork(networkId: string): void;
  /** A coordinator decided on a warning: the network's scoring learns from its decisions. */
  learnDecisions(networkId: string): void;
}

/** What exists before the documents go live; the sync server and the engines are built on it. */
export type BaseDeps = {
  db: Db;
  config: Config;
  log: Logger;
  now: () => number;
  events: EventBus;
  /** The other processes of the deployment, told what this one revoked or changed. */
  deployment: Pick<Deployment, "notify">;
  mailer: Mailer;
  /** Open sockets and event streams by the session or token they authenticated with. */
  credentials: LiveCredentials;
  /** Failed passwords per account and per address; password-reset requests per e-mail. */
  limiters: { account: FailureLimiter; address: FailureLimiter; resets: FailureLimiter };
  /** Follow-up writes (notifications, memories) retried while the database is locked. */
  background: BackgroundWriter;
  /** Exports, coverage and the GCM report, run off the event loop (worker threads). */
  exports: ExportRunner;
  /** Server messages, e-mails and export wording in a person's language, with installed overrides. */
  i18n: Translator;
};

/**
 * Everything services need, built once, in order, by the composition root (server.ts) and passed
 * in ("resolve once, pass it in"); the ports are implemented elsewhere and wired there.
 */
export type Deps = BaseDeps & {
  live: LiveDocuments;
  warnings: DuplicationWarnings;
};
