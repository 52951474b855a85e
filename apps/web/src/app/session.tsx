import {
  commentsChangedEventSchema,
  lifecycleChangedEventSchema,
  type Me,
  type Membership,
  notificationEventSchema,
  notificationsReadEventSchema,
  ownersChangedEventSchema,
  type RoleChangedEvent,
  roleChangedEventSchema,
  stageChangedEventSchema,
  suggestionsChangedEventSchema,
  tasksChangedEventSchema,
  versionsChangedEventSchema,
  warningsChangedEventSchema,
} from "@junction/domain";
import {
  createContext,
  type ReactNode,
  useCallback,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import type { z } from "zod";
import { type Account, api, onUnauthorized } from "../api/client";
import { isApiError } from "../api/errors";
import { loginPath } from "./redirects";
import { navigate } from "./router";

export type SessionState =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "error"; error: unknown }
  | { status: "signed-in"; me: Account };

type SessionContextValue = {
  session: SessionState;
  signedIn: (me: Account) => void;
  refresh: () => Promise<void>;
  /** Ends this session and goes to `to` (the sign-in page unless told otherwise). */
  signOut: (to?: string) => Promise<void>;
};

const SessionContext = createContext<SessionContextValue | null>(null);

/** The events of GET /api/events this app listens to, by SSE event type (notifications: mine only). */
const SERVER_EVENT_SCHEMAS = {
  "role-changed": roleChangedEventSchema,
  "warnings-changed": warningsChangedEventSchema,
  "comments-changed": commentsChangedEventSchema,
  "suggestions-changed": suggestionsChangedEventSchema,
  "tasks-changed": tasksChangedEventSchema,
  "owners-changed": ownersChangedEventSchema,
  notification: notificationEventSchema,
  "notifications-read": notificationsReadEventSchema,
  "stage-changed": stageChangedEventSchema,
  "lifecycle-changed": lifecycleChangedEventSchema,
  "versions-changed": versionsChangedEventSchema,
} as const;

type StreamedEventType = keyof typeof SERVER_EVENT_SCHEMAS;

/**
 * The events a component may subscribe to: those of the stream, and `reconnected`, raised here
 * when the stream comes back after a drop (anything may have changed meanwhile: refetch).
 */
type ServerEvents = {
  [K in StreamedEventType]: z.output<(typeof SERVER_EVENT_SCHEMAS)[K]>;
} & { reconnected: { networkIds: readonly string[] } };
export type ServerEventType = keyof ServerEvents;
type ServerEventListener<K extends ServerEventType> = (event: ServerEvents[K]) => void;

const serverEventListeners: { [K in ServerEventType]: Set<ServerEventListener<K>> } = {
  "role-changed": new Set(),
  "warnings-changed": new Set(),
  "comments-changed": new Set(),
  "suggestions-changed": new Set(),
  "tasks-changed": new Set(),
  "owners-changed": new Set(),
  notification: new Set(),
  "notifications-read": new Set(),
  "stage-changed": new Set(),
  "lifecycle-changed": new Set(),
  "versions-changed": new Set(),
  reconnected: new Set(),
};

/** Calls `listener` with each event of `type` the server pushes; returns the unsubscribe. */
export function subscribeServerEvent<K extends ServerEventType>(
  type: K,
  listener: ServerEventListener<K>,
): () => void {
  const listeners: Set<ServerEventListener<K>> = serverEventListeners[type];
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Subscribes a component to a server event for as long as it is mounted; `handler` may change. */
export function useServerEvent<K extends ServerEventType>(
  type: K,
  handler: ServerEventListener<K>,
): void {
  const handlerRef = useRef(handler);
  handlerRef.current = handler;
  useEffect(() => subscribeServerEvent(type, (event) => handlerRef.current(event)), [type]);
}

/** Lets a page react to role changes of anyone in a network (e.g. reload the members table). */
export function subscribeRoleChanges(listener: (event: RoleChangedEvent) => void): () => void {
  return subscribeServerEvent("role-changed", listener);
}

function emit<K extends ServerEventType>(type: K, event: ServerEvents[K]): void {
  const listeners: Set<ServerEventListener<K>> = serverEventListeners[type];
  for (const listener of listeners) listener(event);
}

function dispatchServerEvent<K extends StreamedEventType>(
  type: K,
  schema: z.ZodType<ServerEvents[K]>,
  raw: string,
): ServerEvents[K] | null {
  const parsed = schema.safeParse(safeJson(raw));
  if (!parsed.success) return null;
  emit(type, parsed.data);
  return parsed.data;
}

/**
 * What the app does when the event stream comes back after a drop, for the events it may have
 * missed: every network's warnings (an empty list of workplans means any of them) and then
 * `reconnected`, on which comment threads, tasks and My work refetch.
 */
export function catchUpAfterReconnect(networkIds: readonly string[]): void {
  for (const networkId of networkIds) {
    emit("warnings-changed", { networkId, workplanIds: [] });
  }
  emit("reconnected", { networkIds: [...networkIds] });
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
  const networkIdsRef = useRef<string[]>([]);
  networkIdsRef.current =
    session.status === "signed-in" ? session.me.memberships.map((m) => m.networkId) : [];
  useEffect(() => {
    if (!userId || typeof EventSource === "undefined") return;
    const source = new EventSource("/api/events");
    // the stream restarts after a network drop; catch up on whatever it missed meanwhile
    let connections = 0;
    source.addEventListener("ready", () => {
      connections++;
      if (connections === 1) return;
      void refresh();
      api.unreadNotifications().then(
        (count) =>
          dispatchServerEvent(
            "notifications-read",
            notificationsReadEventSchema,
            JSON.stringify(count),
          ),
        () => {},
      );
      catchUpAfterReconnect(networkIdsRef.current);
    });
    source.addEventListener("role-changed", (message: MessageEvent<string>) => {
      const event = dispatchServerEvent("role-changed", roleChangedEventSchema, message.data);
      if (event?.userId === userId) void refresh();
    });
    const on = (type: Exclude<StreamedEventType, "role-changed">) => {
      source.addEventListener(type, (message: MessageEvent<string>) => {
        dispatchServerEvent(type, SERVER_EVENT_SCHEMAS[type], message.data);
      });
    };
    on("warnings-changed");
    on("comments-changed");
    on("suggestions-changed");
    on("tasks-changed");
    on("owners-changed");
    on("notification");
    on("notifications-read");
    on("stage-changed");
    on("lifecycle-changed");
    on("versions-changed");
    return () => source.close();
  }, [userId, refresh]);

  const signedIn = useCallback((me: Account) => setSession({ status: "signed-in", me }), []);
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
