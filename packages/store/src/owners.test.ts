import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "./db";
import { addMembership, removeMembership } from "./memberships";
import { createNetwork, createOrganisation } from "./networks";
import {
  isActivityOwner,
  listActivityOwners,
  listUserOwnedActivities,
  listWorkplanOwners,
  replaceActivityOwners,
} from "./owners";
import { openTestStore } from "./testing";

import { createUser } from "./users";
import { createWorkplan } from "./workplans";

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function setUp() {
  const db = openTestStore(":memory:");
  open.push(db);
  const network = createNetwork(db, { name: "N", country: "", description: "" });
  const org = createOrganisation(db, {
    networkId: network.id,
    name: "Agency",
    acronym: "AG",
    type: "un-agency",
  });
  const workplan = createWorkplan(db, { networkId: network.id, title: "Plan", createdBy: null });
  const users = ["Ana", "Ben", "Cleo"].map((name) => {
    const user = createUser(db, {
      email: `${name.toLowerCase()}@example.test`,
      name,
      passwordHash: null,
    });
    addMembership(db, {
      networkId: network.id,
      userId: user.id,
      organisationId: org.id,
      role: "editor",
    });
    return user;
  });
  return { db, network, workplan, users };
}

describe("activity owners in the store", () => {
  it("replaces the owners and tells who was added and removed", () => {
    const { db, workplan, users } = setUp();
    const [ana, ben, cleo] = users.map((u) => u.id) as [string, string, string];
    const assign = (userIds: string[], now: number) =>
      replaceActivityOwners(
        db,
        { workplanId: workplan.id, activityId: "A1", userIds, assignedBy: ana },
        now,
      );
    expect(assign([ana, ben], 1)).toEqual({ added: [ana, ben], removed: [] });
    expect(assign([ben, cleo], 2)).toEqual({ added: [cleo], removed: [ana] });
    expect(listActivityOwners(db, workplan.id, "A1").map((o) => o.name)).toEqual(["Ben", "Cleo"]);
    expect(listWorkplanOwners(db, workplan.id)[0]).toMatchObject({
      activityId: "A1",
      organisationAcronym: "AG",
    });
    expect(isActivityOwner(db, workplan.id, "A1", cleo)).toBe(true);
    expect(isActivityOwner(db, workplan.id, "A1", ana)).toBe(false);
  });

  it("leaves people who left the network out of the owners shown", () => {
    const { db, network, workplan, users } = setUp();
    const [ana, ben] = users.map((u) => u.id) as [string, string];
    replaceActivityOwners(
      db,
      { workplanId: workplan.id, activityId: "A1", userIds: [ana, ben], assignedBy: ana },
      1,
    );
    removeMembership(db, network.id, ben);
    expect(listActivityOwners(db, workplan.id, "A1").map((o) => o.userId)).toEqual([ana]);
    expect(listUserOwnedActivities(db, ben)).toEqual([]);
    expect(listUserOwnedActivities(db, ana)).toHaveLength(1);
  });
});
