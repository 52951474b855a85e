import type { Me } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { mayDo, roleIn } from "./permissions";

function user(role: Me["memberships"][number]["role"], isAdmin = false): Me {
  return {
    id: "u1",
    email: "eka@example.org",
    name: "Eka Lomidze",
    isAdmin,
    memberships: [
      {
        networkId: "n1",
        networkName: "Network",
        organisationId: "o1",
        organisationName: "UNICEF",
        organisationAcronym: "UNICEF",
        role,
      },
    ],
  };
}

describe("what the interface offers", () => {
  it("lets an editor create workplans but not invite members", () => {
    expect(mayDo(user("editor"), "n1", "workplan.create")).toBe(true);
    expect(mayDo(user("editor"), "n1", "member.invite")).toBe(false);
  });

  it("shows a commenter no workplan creation", () => {
    expect(mayDo(user("commenter"), "n1", "workplan.create")).toBe(false);
  });

  it("offers nothing in a network the user is not part of", () => {
    expect(roleIn(user("coordinator"), "n2")).toBeNull();
    expect(mayDo(user("coordinator"), "n2", "workplan.read")).toBe(false);
  });

  it("lets an instance admin manage a network they are not a member of", () => {
    expect(mayDo(user("viewer", true), "n2", "member.invite")).toBe(true);
  });
});
