export const ROLES = ["coordinator", "editor", "commenter", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "workplan.read",
  "workplan.edit",
  "workplan.create",
  "workplan.rename",
  "workplan.archive",
  "workplan.move-stage",
  "workplan.lock",
  "workplan.validate",
  "workplan.revise",
  "version.save",
  "version.restore",
  "comment.create",
  "comment.resolve",
  "comment.moderate",
  "activity.assign-owner",
  "activity.update-own-commitments",
  "activity.update-any-commitments",
  "task.create",
  "task.update-assigned",
  "warning.decide",
  "member.read",
  "member.invite",
  "member.change-role",
  "member.remove",
  "organisation.manage",
  "network.configure",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const VIEWER: readonly Permission[] = ["workplan.read", "member.read"];
const COMMENTER: readonly Permission[] = [...VIEWER, "comment.create", "task.update-assigned"];
const EDITOR: readonly Permission[] = [
  ...COMMENTER,
  "workplan.edit",
  "workplan.create",
  "workplan.validate",
  "version.save",
  "comment.resolve",
  "activity.update-own-commitments",
];
const COORDINATOR: readonly Permission[] = [
  ...EDITOR,
  "workplan.rename",
  "workplan.archive",
  "workplan.move-stage",
  "workplan.lock",
  "workplan.revise",
  "version.restore",
  "comment.moderate",
  "activity.assign-owner",
  "activity.update-any-commitments",
  "task.create",
  "warning.decide",
  "member.invite",
  "member.change-role",
  "member.remove",
  "organisation.manage",
  "network.configure",
];

/** What each role may do in its network, as data: the server checks every request against it. */
export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  coordinator: new Set(COORDINATOR),
  editor: new Set(EDITOR),
  commenter: new Set(COMMENTER),
  viewer: new Set(VIEWER),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** Whether a role may change the workplan document itself (sync writes). */
export function canWriteDocument(role: Role): boolean {
  return can(role, "workplan.edit");
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
