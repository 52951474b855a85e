export { type CloseEvent, type CloseEventName, CloseEvents } from "./close-codes";
export {
  type BusMessage,
  type DocumentBus,
  decodeBusMessage,
  encodeBusMessage,
  type ScaleOut,
  type UpdateCatchUp,
} from "./document-bus";
export {
  type AwarenessUser,
  awarenessUserOf,
  type SyncRole,
  type SyncUser,
} from "./identity";
export { DEFAULT_SYNC_LIMITS, type SyncLimits } from "./limits";
export { type LogFields, type Logger, silentLogger } from "./logger";
export {
  createMemoryUpdateLog,
  type MemoryUpdateLog,
  type QuarantinedEntry,
} from "./memory-update-log";
export { loadDocument } from "./restore";
export type { SyncCounters, SyncStats } from "./stats";
export {
  type ConnectionContext,
  createSyncServer,
  DocumentUnavailableError,
  type SyncServer,
  type SyncServerOptions,
} from "./sync-server";
export type { SocketData, SyncSocket } from "./sync-socket";
export type { DecodedUpdate } from "./update-check";
export type { UpdateGuard, UpdateWriter } from "./update-guard";
export type {
  LoadedDocument,
  LoggedUpdate,
  Quarantine,
  UpdateBatch,
  UpdateLog,
} from "./update-log";
