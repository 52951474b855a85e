import {
  type Me,
  type Membership,
  type RoleChangedEvent,
  roleChangedEventSchema,
} from "@junction/domain";
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from "react";
import { api, onUnauthorized } from "../api/client";
import { isApiError } from "../api/errors";
import { loginPath } from "./redirects";
import { navigate } from "./router";

export type SessionState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "error"; error: unknown }
  | { status: "signed-in"; me: Me };

type SessionContextValue = {
  session: SessionState;
  signedIn: (me: Me) => void;
  refresh: () => Promise<void>;
  /** Ends this session and goes to `to` (the sign-in page unless told otherwise). */
  signOut: (to?: string) => Promise<void>;
};

const SessionContext = createContext<SessionContextValue | null>(null);
const roleChangeListeners = new Set<(event: RoleChangedEvent) => void>();

/** Lets a page react to role changes of anyone in a network (e.g. reload the members table). */
export function subscribeRoleChanges(listener: (event: RoleChangedEvent) => void): () => void {
  roleChangeListeners.add(listener);
  return () => roleChangeListeners.delete(listener);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionState>({ status: "loading" });

  const refresh = useCallback(async () => {
    try {
      setSession({ status: "signed-in", me: await api.me() });
    } catch (error) {
      setSession(isApiError(error, 401) ? { status: "signed-out" } : { status: "error", error });
    }
  }, []);

  useEffect(() => {
    void refresh();
    onUnauthorized(() => {
      setSession({ status: "signed-out" });
      const { pathname, search } = window.location;
      if (pathname !== "/login") navigate(loginPath(pathname + search), { replace: true });
    });
  }, [refresh]);

  const userId = session.status === "signed-in" ? session.me.id : null;
  useEffect(() => {
    if (!userId || typeof EventSource === "undefined") return;
    const source = new EventSource("/api/events");
    source.addEventListener("role-changed", (message: MessageEvent<string>) => {
      const parsed = roleChangedEventSchema.safeParse(safeJson(message.data));
      if (!parsed.success) return;
      for (const listener of roleChangeListeners) listener(parsed.data);
      if (parsed.data.userId === userId) void refresh();
    });
    return () => source.close();
  }, [userId, refresh]);

  const signedIn = useCallback((me: Me) => setSession({ status: "signed-in", me }), []);
  const signOut = useCallback(async (to = "/login") => {
    try {
      await api.logout();
    } finally {
      setSession({ status: "signed-out" });
      navigate(to, { replace: to !== "/login" });
    }
  }, []);

  return (
    <SessionContext.Provider value={{ session, signedIn, refresh, signOut }}>
      {children}
    </SessionContext.Provider>
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession must be used inside <SessionProvider>");
  return value;
}

/** The signed-in user; only for pages rendered inside the signed-in shell. */
export function useMe(): Me {
  const { session } = useSession();
  if (session.status !== "signed-in") throw new Error("useMe needs a signed-in session");
  return session.me;
}

export function findMembership(me: Me, networkId: string | null): Membership | undefined {
  return networkId ? me.memberships.find((m) => m.networkId === networkId) : undefined;
}
