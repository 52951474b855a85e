import type { Caller } from "../services/caller";

export type AppEnv = {
  Variables: {
    caller: Caller | null;
    requestId: string;
    ip: string | null;
  };
};
