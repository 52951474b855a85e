import { colorForUser } from "@junction/domain";
import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";

export type PresentUser = {
  clientId: number;
  id: string;
  name: string;
  organisation: string;
  color: string;
  isSelf: boolean;
};

function readUser(clientId: number, state: unknown, selfId: number): PresentUser | null {
  if (typeof state !== "object" || state === null || !("user" in state)) return null;
  const user: unknown = state.user;
  if (typeof user !== "object" || user === null) return null;
  const field = (name: string) => {
    const value: unknown = (user as Record<string, unknown>)[name];
    return typeof value === "string" ? value : "";
  };
  const id = field("id");
  const name = field("name");
  if (id === "" || name === "") return null;
  return {
    clientId,
    id,
    name,
    organisation: field("organisation"),
    color: field("color") || colorForUser(id),
    isSelf: clientId === selfId,
  };
}

/** Everyone in the document (one entry per person, however many tabs), you first. */
export function usePresence(awareness: Awareness | null): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>([]);
  useEffect(() => {
    if (!awareness) return;
    const update = () => {
      const byId = new Map<string, PresentUser>();
      for (const [clientId, state] of awareness.getStates()) {
        const user = readUser(clientId, state, awareness.clientID);
        if (!user) continue;
        const known = byId.get(user.id);
        if (!known || user.isSelf)
          byId.set(user.id, { ...user, isSelf: user.isSelf || !!known?.isSelf });
      }
      const next = [...byId.values()].sort(
        (a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name),
      );
      // a cursor moving (every keystroke) changes the awareness, not who is here: keep the list
      setUsers((current) => (JSON.stringify(current) === JSON.stringify(next) ? current : next));
    };
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness]);
  return users;
}

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (parts[0]?.[0] ?? "") + (parts.length > 1 ? (parts.at(-1)?.[0] ?? "") : "")
  ).toUpperCase();
}

/** Black or white, whichever reads better on `color` (a #rrggbb from the palette). */
export function textColorOn(color: string): string {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(color);
  if (!match) return "#ffffff";
  const [r, g, b] = match.slice(1).map((hex) => {
    const c = Number.parseInt(hex, 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  const luminance = 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
  // contrast with white (1.05 / (L + 0.05)) against contrast with black; either clears 4.5:1 on the palette
  return 1.05 / (luminance + 0.05) >= (luminance + 0.05) / 0.05 ? "#ffffff" : "#000000";
}
