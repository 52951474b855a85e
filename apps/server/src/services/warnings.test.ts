import { type Activity, emptyActivity } from "@junction/domain";
import {
  createWorkplan,
  listAudit,
  listWorkplanActivities,
  replaceWorkplanActivities,
} from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import type { ServerEvent } from "../events";
import { createHarness, createTestNetwork, type Harness, ORIGIN } from "../test/harness";
import { changedMaterially, createWarningEngine } from "./warnings";

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

function training(id: string, lead: string, overrides: Partial<Activity> = {}): Activity {
  return {
    ...emptyActivity(id),
    title: "Train border police on identifying victims of trafficking",
    description:
      "Two-day trainings for border police officers at the main crossing points on identifying and referring victims of trafficking.",
    lead,
    gcmObjectives: [10],
    locations: ["Northern region"],
    targetGroups: ["Border police officers"],
    start: "2027-03",
    end: "2027-09",
    ...overrides,
  };
}

function setUp() {
  const h = createHarness();
  harness = h;
  const n = createTestNetwork(h);
  const second = createWorkplan(h.db, {
    networkId: n.networkId,
    title: "Ministry action plan",
    createdBy: null,
  });
  const engine = createWarningEngine(h.deps);
  h.deps.warnings = engine;
  const events: ServerEvent[] = [];
  h.deps.events.subscribe((event) => events.push(event));
  const write = (workplanId: string, activities: Activity[]) => {
    const workplan = { id: workplanId, networkId: n.networkId };
    const before = listWorkplanActivities(h.db, workplanId);
    replaceWorkplanActivities(h.db, workplan, activities, h.deps.now());
    engine.onActivitiesChanged(workplan, before, activities);
  };
  const warnings = async (cookie = n.cookies.viewer, workplanId = n.workplanId) =>
    (await (
      await h.request(`/api/workplans/${workplanId}/warnings`, { headers: { cookie } })
    ).json()) as {
      id: string;
      status: string;
      score: number;
      reasons: string[];
      a: { activityId: string; workplanTitle: string };
      b: { activityId: string; workplanTitle: string };
    }[];
  return { h, n, second, write, warnings, events };
}

describe("duplication warnings", () => {
  it("warns on both workplans when two organisations plan the same work, with reasons", async () => {
    const { n, second, write, warnings, events } = setUp();
    write(n.workplanId, [training("X1", n.orgA)]);
    write(second.id, [
      training("Y1", n.orgB, { title: "Training of border police on victim identification" }),
    ]);
    const onFirst = await warnings();
    expect(onFirst).toHaveLength(1);
    expect(onFirst[0]?.status).toBe("open");
    expect(onFirst[0]?.reasons.join(" ")).toMatch(/border police|trafficking|victim/i);
    expect(await warnings(n.cookies.viewer, second.id)).toHaveLength(1);
    expect(events.some((e) => e.type === "warnings-changed")).toBe(true);
  });

  it("raises nothing when the same organisation repeats its own activity", async () => {
    const { n, second, write, warnings } = setUp();
    write(n.workplanId, [training("X1", n.orgA)]);
    write(second.id, [training("Y1", n.orgA)]);
    expect(await warnings()).toEqual([]);
  });

  it("keeps a dismissed warning quiet until an activity changes materially, with an audit entry", async () => {
    const { h, n, second, write, warnings } = setUp();
    write(n.workplanId, [training("X1", n.orgA)]);
    write(second.id, [training("Y1", n.orgB)]);
    const [warning] = await warnings();
    const editor = await h.request(`/api/warnings/${warning?.id}/decision`, {
      method: "POST",
      headers: { cookie: n.cookies.editor, origin: ORIGIN },
      json: { decision: "not-duplicate" },
    });
    expect(editor.status).toBe(403);
    const decided = await h.request(`/api/warnings/${warning?.id}/decision`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { decision: "not-duplicate" },
    });
    expect(decided.status).toBe(200);
    expect(
      listAudit(h.db).some((e) => e.action === "warning.decide" && e.subject === warning?.id),
    ).toBe(true);

    write(second.id, [
      training("Y1", n.orgB, {
        description:
          "Two-day trainings for border police officers at the main crossing points on identifying and referring victims of trafficking!",
      }),
    ]);
    expect((await warnings())[0]?.status).toBe("dismissed");

    write(second.id, [training("Y1", n.orgB, { start: "2027-05", end: "2027-12" })]);
    expect((await warnings())[0]?.status).toBe("open");
  });

  it("records 'coordinate' on the warning", async () => {
    const { h, n, second, write, warnings } = setUp();
    write(n.workplanId, [training("X1", n.orgA)]);
    write(second.id, [training("Y1", n.orgB)]);
    const [warning] = await warnings();
    const response = await h.request(`/api/warnings/${warning?.id}/decision`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { decision: "coordinate" },
    });
    expect(((await response.json()) as { status: string }).status).toBe("coordinate");
  });

  it("withdraws the warning when one activity stops looking like the other", async () => {
    const { n, second, write, warnings } = setUp();
    write(n.workplanId, [training("X1", n.orgA)]);
    write(second.id, [training("Y1", n.orgB)]);
    expect(await warnings()).toHaveLength(1);
    write(second.id, [
      training("Y1", n.orgB, {
        title: "Publish the annual migration statistics bulletin",
        description: "Compile and publish national statistics on residence permits.",
        gcmObjectives: [1],
        targetGroups: ["Policy makers"],
      }),
    ]);
    expect(await warnings()).toEqual([]);
  });
});

describe("telling pages which warnings changed", () => {
  const unrelated: Partial<Activity> = {
    title: "Publish the annual migration statistics bulletin",
    description: "Compile and publish national statistics on residence permits.",
    gcmObjectives: [1],
    targetGroups: ["Policy makers"],
  };

  it("names both activities of a warning that appears, and of one that goes away", async () => {
    const { n, second, write, events } = setUp();
    write(n.workplanId, [training("X1", n.orgA), training("X2", n.orgA, unrelated)]);
    write(second.id, [training("Y1", n.orgB)]);
    const changes = () =>
      events.flatMap((e) => (e.type === "warnings-changed" ? [e.data] : [])).slice(-1);
    const sides = [
      { workplanId: n.workplanId, activityId: "X1" },
      { workplanId: second.id, activityId: "Y1" },
    ];
    expect(changes()[0]?.activities).toEqual(expect.arrayContaining(sides));
    expect(changes()[0]?.activities).not.toContainEqual({
      workplanId: n.workplanId,
      activityId: "X2",
    });

    write(second.id, [training("Y1", n.orgB, { ...unrelated, title: "Statistics bulletin" })]);
    expect(changes()[0]?.activities).toEqual(expect.arrayContaining(sides));
  });

  it("lists the warnings of the named activities only, and refuses an empty or long list", async () => {
    const { h, n, second, write, warnings } = setUp();
    write(n.workplanId, [training("X1", n.orgA), training("X2", n.orgA)]);
    write(second.id, [training("Y1", n.orgB)]);
    expect(await warnings()).toHaveLength(2);
    const only = async (query: string) =>
      h.request(`/api/workplans/${n.workplanId}/warnings?${query}`, {
        headers: { cookie: n.cookies.viewer },
      });
    type Listed = { a: { activityId: string }; b: { activityId: string } };
    const x1 = (await (await only("activity=X1")).json()) as Listed[];
    expect(x1.map((w) => [w.a.activityId, w.b.activityId].sort())).toEqual([["X1", "Y1"]]);
    expect(await (await only("activity=X1&activity=X2")).json()).toHaveLength(2);
    expect(await (await only("activity=Z9")).json()).toEqual([]);
    expect((await only("activity=")).status).toBe(400);
    const many = Array.from({ length: 101 }, (_, i) => `activity=A${i}`).join("&");
    const refused = await only(many);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("bad_request");
  });
});

describe("activities with no lead yet", () => {
  it("raises no warning between two activities that both have no lead", async () => {
    const { n, second, write, warnings } = setUp();
    write(n.workplanId, [training("X1", "")]);
    write(second.id, [training("Y1", "")]);
    expect(await warnings()).toEqual([]);
  });

  it("says the lead is not set, never that the organisations differ", async () => {
    const { n, second, write, warnings } = setUp();
    write(n.workplanId, [training("X1", n.orgA)]);
    write(second.id, [training("Y1", "")]);
    const [warning] = await warnings();
    expect(warning?.reasons.join(" | ")).toMatch(/lead not set/);
    expect(warning?.reasons.join(" | ")).not.toMatch(/different lead/);
  });
});

/**
 * Two warnings: a northern pair and a southern one, the same work in another region (a near copy,
 * which a dismissal of the northern one lowers without silencing; pairs of another kind it does
 * not move at all). `dismissNorth` marks the northern one not a duplicate.
 */
async function northAndSouth(context: ReturnType<typeof setUp>) {
  const { h, n, second, write, warnings } = context;
  write(n.workplanId, [
    training("X1", n.orgA),
    training("X2", n.orgA, {
      locations: ["Southern region"],
      title: "Train border police in the south on identifying victims of trafficking",
    }),
  ]);
  write(second.id, [
    training("Y1", n.orgB, {
      description: "Trainings for border police on identifying trafficking victims.",
    }),
    training("Y2", n.orgB, {
      locations: ["Southern region"],
      title: "Border police in the south: identifying trafficking victims",
      description: "Trainings for border police on identifying trafficking victims.",
    }),
  ]);
  const before = await warnings();
  const north = before.find((w) => w.a.activityId === "X1" || w.b.activityId === "X1");
  const south = before.find((w) => w !== north);
  const dismissNorth = () =>
    h.request(`/api/warnings/${north?.id}/decision`, {
      method: "POST",
      headers: { cookie: n.cookies.coordinator, origin: ORIGIN },
      json: { decision: "not-duplicate" },
    });
  return { before, north, south, dismissNorth };
}

describe("learning from decisions", () => {
  it("after one 'not a duplicate', a similar warning elsewhere stays open with a lower score", async () => {
    const context = setUp();
    const { before, north, south, dismissNorth } = await northAndSouth(context);
    expect(before).toHaveLength(2);
    const decided = await dismissNorth();
    expect(decided.status).toBe(200);
    const after = await context.warnings();
    const southAfter = after.find((w) => w.id === south?.id);
    expect(southAfter?.status).toBe("open");
    expect(southAfter?.score).toBeLessThan(south?.score ?? 0);
    expect(after.find((w) => w.id === north?.id)?.status).toBe("dismissed");
  });
});

describe("learning from decisions in a process that has not indexed the network yet", () => {
  it("applies a 'not a duplicate' at once, not at the next edit", async () => {
    const context = setUp();
    const { north, south, dismissNorth } = await northAndSouth(context);
    // a restarted server: its engine has indexed nothing, and nobody edits before the decision
    context.h.deps.warnings = createWarningEngine(context.h.deps);
    const decided = await dismissNorth();
    expect(decided.status).toBe(200);
    const after = await context.warnings();
    expect(after.find((w) => w.id === south?.id)?.score).toBeLessThan(south?.score ?? 0);
    expect(after.find((w) => w.id === north?.id)?.status).toBe("dismissed");
  });
});

describe("material change", () => {
  const base = {
    title: "Train police",
    description: "Two trainings on victim identification for border police",
    lead: "a",
    partners: [],
    gcmObjectives: [10],
    locations: ["north"],
    targetGroups: [],
    start: "2027-01",
    end: "2027-06",
  };

  it("ignores a small rewording but not a new place or period", () => {
    expect(changedMaterially(base, { ...base, description: `${base.description}.` })).toBe(false);
    expect(changedMaterially(base, { ...base, locations: ["south"] })).toBe(true);
    expect(changedMaterially(base, { ...base, end: "2027-12" })).toBe(true);
    expect(
      changedMaterially(base, {
        ...base,
        title: "Campaign",
        description: "Radio spots about safe migration",
      }),
    ).toBe(true);
  });
});

describe("a network of hundreds of activities", () => {
  const TOWNS = 400;

  /** One organisation's work in many towns: nothing in it duplicates anything else. */
  function fillers(lead: string): Activity[] {
    return Array.from({ length: TOWNS }, (_, i) =>
      training(`F${i}`, lead, {
        title: `Rehabilitate the water supply of town ${i}`,
        description: `Pipes, pumps and a reservoir for the people of town ${i}.`,
        gcmObjectives: [2],
        locations: [`Town ${i}`],
        targetGroups: [],
      }),
    );
  }

  function south(id: string, lead: string): Activity {
    return training(id, lead, {
      locations: ["Southern region"],
      title: "Train border police in the south on identifying victims of trafficking",
    });
  }

  /** The network's activities stored as a start finds them, the engine not yet told. */
  function setUpBig() {
    const setup = setUp();
    const { h, n, second } = setup;
    const store = (workplanId: string, activities: Activity[]) =>
      replaceWorkplanActivities(h.db, { id: workplanId, networkId: n.networkId }, activities, 0);
    store(n.workplanId, [training("X1", n.orgA), south("X2", n.orgA), ...fillers(n.orgA)]);
    store(second.id, [training("Y1", n.orgB)]);
    const warningsChanged = new Promise<void>((done) => {
      h.deps.events.subscribe((event) => {
        if (event.type === "warnings-changed") done();
      });
    });
    const pairs = async () =>
      (await setup.warnings())
        .filter((w) => w.status === "open")
        .map((w) => [w.a.activityId, w.b.activityId].sort().join("-"))
        .sort();
    return { ...setup, store, warningsChanged, pairs };
  }

  it("answers requests while it indexes the network, then announces every warning", async () => {
    const { n, second, write, events, warningsChanged, pairs } = setUpBig();
    write(second.id, [training("Y1", n.orgB), south("Y2", n.orgB)]);
    // the caller got its answer before the index was built: nothing is announced yet
    expect(events.filter((e) => e.type === "warnings-changed")).toEqual([]);
    await new Promise((done) => setImmediate(done));
    const order: string[] = [];
    const answered = pairs().then((found) => {
      order.push("answer");
      return found;
    });
    const announced = warningsChanged.then(() => order.push("warnings-changed"));
    expect(await answered).toEqual([]);
    await announced;
    expect(order).toEqual(["answer", "warnings-changed"]);
    expect(await pairs()).toEqual(["X1-Y1", "X2-Y2"]);
  });

  it("reads a workplan again when it changes while the network is being indexed", async () => {
    const { n, second, write, warningsChanged, pairs } = setUpBig();
    write(second.id, [training("Y1", n.orgB), south("Y2", n.orgB)]);
    await new Promise((done) => setImmediate(done));
    // the build read the first workplan (X1, X2): X2 goes, X3 comes, then the build goes on
    write(n.workplanId, [training("X1", n.orgA), south("X3", n.orgA), ...fillers(n.orgA)]);
    await warningsChanged;
    expect(await pairs()).toEqual(["X1-Y1", "X3-Y2"]);
  });
});
