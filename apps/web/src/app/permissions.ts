import { can, type Me, type Permission, type Role } from "@junction/domain";
import { useMe } from "./session";

/** The user's role in a network, kept current by the role-changed events that refresh /api/me. */
export function roleIn(me: Me, networkId: string): Role | null {
  return me.memberships.find((m) => m.networkId === networkId)?.role ?? null;
}

/** What the UI offers; the server still checks every request. Instance admins manage any network. */
export function mayDo(me: Me, networkId: string, permission: Permission): boolean {
  const role = roleIn(me, networkId);
  if (role) return can(role, permission);
  return me.isAdmin;
}

export function usePermissions(networkId: string) {
  const me = useMe();
  return {
    role: roleIn(me, networkId),
    may: (permission: Permission) => mayDo(me, networkId, permission),
  };
}
