import { type CloseEventName, CloseEvents } from "./close-codes";

export type SyncCounters = {
  /** Updates stored in the log (and then applied and broadcast). */
  appendedUpdates: number;
  /** Updates that carried something new but came from a read-only role. */
  refusedUpdates: number;
  /** Writers' updates the guard corrected (each stored with the server's correction after it). */
  correctedUpdates: number;
  /** Full encodings of a document's state (a join storm should cause one, not one per joiner). */
  stateEncodes: number;
  compactions: number;
  /** Appends that threw, a shared one and each retry alone: what no retry stored was refused. */
  storageFailures: number;
  /** Rows other processes stored that this one applied from the bus. */
  remoteUpdates: number;
  /** Rows this process read from the log because the bus had not brought them. */
  caughtUpUpdates: number;
  /** Stored updates moved aside because they did not apply cleanly (on load or after storing). */
  quarantinedUpdates: number;
  /** Connections the server closed, by reason. */
  closes: Record<CloseEventName, number>;
};

export type SyncStats = SyncCounters & { readonly rooms: number; readonly connections: number };

export function createCounters(): SyncCounters {
  const closes = {} as Record<CloseEventName, number>;
  for (const name of Object.keys(CloseEvents) as CloseEventName[]) closes[name] = 0;
  return {
    appendedUpdates: 0,
    refusedUpdates: 0,
    correctedUpdates: 0,
    stateEncodes: 0,
    compactions: 0,
    storageFailures: 0,
    quarantinedUpdates: 0,
    remoteUpdates: 0,
    caughtUpUpdates: 0,
    closes,
  };
}
