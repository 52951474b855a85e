import {
  type BusMessage,
  decodeBusMessage,
  encodeBusMessage,
  type ScaleOut,
  type UpdateCatchUp,
} from "./document-bus";
import type { Logger } from "./logger";
import { describeError } from "./protocol";
import type { LoggedUpdate } from "./update-log";

/** How often a loaded room asks the log whether the bus missed something, unless configured. */
export const DEFAULT_CHECK_INTERVAL_MS = 5000;

/** What the rooms of a sync server joined to other processes publish and read; see `ScaleOut`. */
export class BusLink {
  readonly processId: string;
  readonly catchUp: UpdateCatchUp;
  readonly checkIntervalMs: number;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly scaleOut: ScaleOut,
    private readonly logger: Logger,
  ) {
    this.processId = scaleOut.processId ?? randomProcessId();
    this.catchUp = scaleOut.catchUp;
    this.checkIntervalMs = scaleOut.checkIntervalMs ?? DEFAULT_CHECK_INTERVAL_MS;
  }

  /** Starts hearing other processes; their own messages never reach `received`. */
  start(received: (message: BusMessage) => void, resubscribed: () => void): void {
    this.unsubscribe = this.scaleOut.bus.subscribe((bytes) => {
      let message: BusMessage;
      try {
        message = decodeBusMessage(bytes);
      } catch (error) {
        this.logger.warn("Ignored a bus message that does not decode", {
          error: describeError(error),
        });
        return;
      }
      if (message.origin !== this.processId) received(message);
    }, resubscribed);
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
  }

  /** Stored (and applied) rows of `docName`, for the other processes holding it. */
  publishRows(docName: string, rows: readonly LoggedUpdate[]): void {
    if (rows.length > 0) this.publish({ type: "updates", origin: this.processId, docName, rows });
  }

  publishAwareness(docName: string, update: Uint8Array): void {
    this.publish({ type: "awareness", origin: this.processId, docName, update });
  }

  /** Asks the processes holding `docName` for their clients' presence. */
  queryAwareness(docName: string): void {
    this.publish({ type: "awareness-query", origin: this.processId, docName });
  }

  claimCompaction(docName: string): Promise<boolean> {
    return this.scaleOut.bus.claimCompaction(docName).catch(() => false);
  }

  private publish(message: BusMessage): void {
    try {
      this.scaleOut.bus.publish(encodeBusMessage(message));
    } catch (error) {
      // best effort: the other processes catch up from the log
      this.logger.warn("Could not publish to the bus", { error: describeError(error) });
    }
  }
}

function randomProcessId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}
