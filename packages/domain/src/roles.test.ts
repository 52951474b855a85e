import { describe, expect, it } from "vitest";
import { can, canWriteDocument, isRole, PERMISSIONS, ROLE_PERMISSIONS, ROLES } from "./roles";

describe("role permissions", () => {
  it("lets coordinators do everything an editor may, and more", () => {
    for (const permission of ROLE_PERMISSIONS.editor)
      expect(can("coordinator", permission)).toBe(true);
    expect(can("coordinator", "member.invite")).toBe(true);
    expect(can("editor", "member.invite")).toBe(false);
  });

  it("lets only coordinators and editors write the document", () => {
    expect(ROLES.filter(canWriteDocument)).toEqual(["coordinator", "editor"]);
  });

  it("lets commenters comment but assign nothing", () => {
    expect(can("commenter", "comment.create")).toBe(true);
    expect(can("commenter", "activity.assign-owner")).toBe(false);
    expect(can("commenter", "task.create")).toBe(false);
    expect(can("commenter", "workplan.edit")).toBe(false);
  });

  it("lets only coordinators remove other people's messages", () => {
    expect(ROLES.filter((role) => can(role, "comment.moderate"))).toEqual(["coordinator"]);
  });

  it("lets editors change the commitments of their own activities and coordinators of any", () => {
    expect(ROLES.filter((role) => can(role, "activity.update-own-commitments"))).toEqual([
      "coordinator",
      "editor",
    ]);
    expect(ROLES.filter((role) => can(role, "activity.update-any-commitments"))).toEqual([
      "coordinator",
    ]);
  });

  it("lets only coordinators change the network's settings (IATI publishing)", () => {
    expect(ROLES.filter((role) => can(role, "network.configure"))).toEqual(["coordinator"]);
  });

  it("lets only coordinators assign owners", () => {
    expect(ROLES.filter((role) => can(role, "activity.assign-owner"))).toEqual(["coordinator"]);
  });

  it("lets editors save versions and answer validation, and only coordinators govern stages", () => {
    expect(ROLES.filter((role) => can(role, "version.save"))).toEqual(["coordinator", "editor"]);
    expect(ROLES.filter((role) => can(role, "workplan.validate"))).toEqual([
      "coordinator",
      "editor",
    ]);
    for (const permission of ["workplan.move-stage", "workplan.revise", "version.restore"] as const)
      expect(ROLES.filter((role) => can(role, permission))).toEqual(["coordinator"]);
  });

  it("lets viewers only read", () => {
    expect([...ROLE_PERMISSIONS.viewer].every((p) => p.endsWith(".read"))).toBe(true);
  });

  it("keeps each role's permissions a subset of the next role up", () => {
    const order = ["viewer", "commenter", "editor", "coordinator"] as const;
    for (let i = 1; i < order.length; i++) {
      const lower = order[i - 1] as (typeof order)[number];
      const upper = order[i] as (typeof order)[number];
      for (const permission of ROLE_PERMISSIONS[lower]) expect(can(upper, permission)).toBe(true);
    }
  });

  it("grants every permission to someone", () => {
    for (const permission of PERMISSIONS) expect(can("coordinator", permission)).toBe(true);
  });

  it("recognises role names and nothing else", () => {
    expect(isRole("editor")).toBe(true);
    expect(isRole("admin")).toBe(false);
    expect(isRole(undefined)).toBe(false);
  });
});
