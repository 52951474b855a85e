import type { UserRecord } from "@junction/store";

/** Who is calling, as authenticated by session cookie or API token. */
export type Caller = {
  user: UserRecord;
  via: "session" | "token";
  sessionId: string | null;
  tokenId: string | null;
  ip: string | null;
};
