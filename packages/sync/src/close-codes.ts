export type CloseEvent = { readonly code: number; readonly reason: string };

/**
 * Why the server closed a connection. RFC 6455 leaves 4000-4999 to applications; like the stock
 * y-websocket client (3.1+), 4400-4499 means "reconnecting cannot help" and 4500-4599 "try again".
 */
export const CloseEvents = {
  badMessage: {
    code: 4400,
    reason: "Malformed message: not a y-websocket sync or awareness message",
  },
  accessRevoked: {
    code: 4403,
    reason: "Access revoked: you are no longer a member of this workplan",
  },
  messageTooLarge: { code: 4413, reason: "Message too large" },
  documentTooLarge: {
    code: 4414,
    reason: "Update refused: the document would exceed its size limit",
  },
  nestingTooDeep: {
    code: 4415,
    reason: "Update refused: it would nest the document deeper than its limit",
  },
  invalidUpdate: { code: 4422, reason: "Update refused: it could not be decoded or applied" },
  internalError: { code: 4500, reason: "Internal error, reconnect to resume" },
  shuttingDown: { code: 4501, reason: "Server shutting down, reconnect to resume" },
  storageUnavailable: {
    code: 4503,
    reason: "Storage unavailable: your update was not saved, reconnect to resend it",
  },
  noHeartbeat: { code: 4508, reason: "No answer to ping" },
  roomFull: { code: 4509, reason: "Too many connections to this document, try again later" },
  // a retry code: a client can get here by a race (another tab's edit, reached over the
  // BroadcastChannel, not yet at the server); reconnecting resyncs everything the server lacks
  outOfSync: {
    code: 4524,
    reason: "Update refused: it builds on changes the server does not have, reconnect to resync",
  },
  rateLimited: { code: 4529, reason: "Too many updates per second, reconnect to resend" },
} as const satisfies Record<string, CloseEvent>;

export type CloseEventName = keyof typeof CloseEvents;
