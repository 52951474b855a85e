import { emptyActivity, type IndexedActivity, type WarningView } from "@junction/domain";
import { createWorkplan, insertWarning, replaceWorkplanActivities } from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, createTestNetwork, type Harness } from "../test/harness";

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

describe("naming organisations", () => {
  it("never names another network's organisation written into a workplan", async () => {
    const h = createHarness();
    harness = h;
    const n = createTestNetwork(h);
    // an editor typed the other network's organisation id into the document's lead and partners
    replaceWorkplanActivities(
      h.db,
      { id: n.workplanId, networkId: n.networkId },
      [
        {
          ...emptyActivity("X1"),
          title: "Train border police",
          lead: n.otherOrg,
          partners: [n.orgA, n.otherOrg],
        },
      ],
      h.deps.now(),
    );
    const response = await h.request(`/api/workplans/${n.workplanId}/activities`, {
      headers: { cookie: n.cookies.editor },
    });
    const [activity] = (await response.json()) as IndexedActivity[];
    expect(activity?.partners[0]).toBe("AA");
    const shown = JSON.stringify(activity);
    expect(shown).not.toContain("Outsider");
    expect(shown).not.toContain('"OUT"');
    // treated as an unknown id: shown as written, which tells nothing new
    expect(activity?.lead).toBe(n.otherOrg);
  });

  it("never names another network's organisation in a duplication warning", async () => {
    const h = createHarness();
    harness = h;
    const n = createTestNetwork(h);
    const second = createWorkplan(h.db, {
      networkId: n.networkId,
      title: "Second",
      createdBy: null,
    });
    for (const [workplanId, id] of [
      [n.workplanId, "X1"],
      [second.id, "Y1"],
    ] as const) {
      replaceWorkplanActivities(
        h.db,
        { id: workplanId, networkId: n.networkId },
        [{ ...emptyActivity(id), title: "Train border police", lead: n.otherOrg }],
        h.deps.now(),
      );
    }
    insertWarning(
      h.db,
      {
        networkId: n.networkId,
        a: { workplanId: n.workplanId, activityId: "X1" },
        b: { workplanId: second.id, activityId: "Y1" },
        score: 0.9,
        reasons: ["same title"],
      },
      h.deps.now(),
    );
    const response = await h.request(`/api/workplans/${n.workplanId}/warnings`, {
      headers: { cookie: n.cookies.editor },
    });
    const warnings = (await response.json()) as WarningView[];
    expect(warnings).toHaveLength(1);
    expect(JSON.stringify(warnings)).not.toContain("Outsider");
    expect(warnings[0]?.a.lead).toBe(n.otherOrg);
  });
});
