import type { Caller } from "../services/caller";

export type AppEnv = {
  Variables: {
    caller: Caller | null;
    requestId: string;
    ip: string | null;
    /** The language to answer in: the user's choice, else Accept-Language, else English. */
    locale: string;
  };
};
