import { emptyActivity } from "@junction/domain";
import { afterEach, describe, expect, it } from "vitest";
import { listWorkplanActivityPage, replaceWorkplanActivities } from "./activities";
import type { Db } from "./db";
import { createNetwork, createOrganisation } from "./networks";
import { type Cursor, pageOfList } from "./pages";
import { openTestStore, testDatabaseUrl } from "./testing";
import { countWarnings, decideWarning, insertWarning, listWarningPage } from "./warnings";
import { createWorkplan } from "./workplans";

const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
});

function setUp() {
  const db = openTestStore(":memory:");
  open.push(db);
  const network = createNetwork(db, { name: "N", country: "", description: "" });
  const org = (name: string) =>
    createOrganisation(db, { networkId: network.id, name, acronym: name, type: "un-agency" }).id;
  const [a, b, c] = [org("A"), org("B"), org("C")];
  const workplan = createWorkplan(db, { networkId: network.id, title: "Plan", createdBy: null });
  const leads = [a, b, c];
  const activities = Array.from({ length: 30 }, (_, i) => ({
    ...emptyActivity(`x${String(i).padStart(2, "0")}`),
    title: `Activity ${i}`,
    lead: leads[i % 3] ?? null,
  }));
  replaceWorkplanActivities(db, { id: workplan.id, networkId: network.id }, activities);
  const ids: string[] = [];
  for (let i = 0; i + 1 < activities.length; i++) {
    ids.push(
      insertWarning(
        db,
        {
          networkId: network.id,
          a: { workplanId: workplan.id, activityId: activities[i]?.id ?? "" },
          b: { workplanId: workplan.id, activityId: activities[i + 1]?.id ?? "" },
          score: [0.6, 0.9, 0.75][i % 3] ?? 0.6,
          reasons: [],
        },
        1,
      ).id,
    );
  }
  return { db, network, workplan, ids, orgs: { a, b, c } };
}

function walkWarnings(db: Db, filter: Parameters<typeof listWarningPage>[1], limit: number) {
  const seen: ReturnType<typeof listWarningPage>["items"] = [];
  let after: Cursor | null = null;
  do {
    const page = listWarningPage(db, filter, { limit, after });
    seen.push(...page.items);
    after = page.next;
  } while (after !== null);
  return seen;
}

describe("warnings a page at a time", () => {
  it("walks every warning once in order, strongest first, with both activities", () => {
    const { db, network, ids } = setUp();
    decideWarning(db, ids[0] ?? "", { status: "dismissed", decidedBy: null, basis: null }, 2);
    const all = walkWarnings(db, { networkId: network.id }, 4);
    expect(all.map((w) => w.id).sort()).toEqual([...ids].sort());
    expect(all.at(-1)?.id).toBe(ids[0]);
    const scores = all.slice(0, -1).map((w) => w.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(all[0]?.sideA).toEqual({
      workplanTitle: "Plan",
      title: expect.any(String),
      lead: expect.any(String),
    });
    const open = walkWarnings(db, { networkId: network.id, statuses: ["open"] }, 5);
    expect(open.map((w) => w.id)).toEqual(all.slice(0, -1).map((w) => w.id));
  });

  it("counts and filters by a lead organisation on either side", () => {
    const { db, network, orgs } = setUp();
    // a-led activities are x00, x03, ...: each warns with its neighbours, 19 pairs in all
    const ofA = walkWarnings(db, { networkId: network.id, organisationId: orgs.a }, 7);
    expect(ofA).toHaveLength(19);
    expect(ofA.every((w) => w.sideA?.lead === orgs.a || w.sideB?.lead === orgs.a)).toBe(true);
    expect(countWarnings(db, { networkId: network.id, organisationId: orgs.a })).toEqual({
      open: 19,
      dismissed: 0,
      coordinate: 0,
    });
    expect(countWarnings(db, { networkId: network.id })).toEqual({
      open: 29,
      dismissed: 0,
      coordinate: 0,
    });
  });

  // a query plan is SQLite's: PostgreSQL plans by its own statistics
  it.skipIf(testDatabaseUrl() !== null)("counts from an index, without reading the table", () => {
    const { db } = setUp();
    const plan = db
      .prepare(
        "EXPLAIN QUERY PLAN SELECT w.status, COUNT(*) FROM warnings w WHERE w.status != 'gone' AND w.network_id = ? GROUP BY w.status",
      )
      .all("n") as { detail: string }[];
    expect(plan.map((row) => row.detail).join(" ")).toMatch(/COVERING INDEX/);
  });
});

describe("a workplan's activities a page at a time", () => {
  it("shows each activity once, in document order, while others are inserted and removed above", () => {
    const { db, network, workplan } = setUp();
    const ref = { id: workplan.id, networkId: network.id };
    const ids = (page: { items: { id: string }[] }) => page.items.map((a) => a.id);
    const original = Array.from({ length: 30 }, (_, i) => `x${String(i).padStart(2, "0")}`);
    const first = listWorkplanActivityPage(db, workplan.id, {}, { limit: 10, after: null });
    expect(ids(first)).toEqual(original.slice(0, 10));

    // two activities arrive at the top, one in the page just read goes, one arrives further down
    const next = [
      "new-top-1",
      "new-top-2",
      ...original.slice(0, 3),
      ...original.slice(4, 20),
      "new-below",
      ...original.slice(20),
    ];
    replaceWorkplanActivities(
      db,
      ref,
      next.map((id) => ({ ...emptyActivity(id), title: id })),
    );
    const second = listWorkplanActivityPage(db, workplan.id, {}, { limit: 10, after: first.next });
    expect(ids(second)).toEqual(original.slice(10, 20));
    const third = listWorkplanActivityPage(db, workplan.id, {}, { limit: 20, after: second.next });
    expect(ids(third)).toEqual(["new-below", ...original.slice(20)]);
    expect(third.next).toBeNull();
  });

  it("goes on from the place the last activity shown held when that activity itself is gone", () => {
    const { db, network, workplan } = setUp();
    const original = Array.from({ length: 30 }, (_, i) => `x${String(i).padStart(2, "0")}`);
    const first = listWorkplanActivityPage(db, workplan.id, {}, { limit: 10, after: null });
    // x09, the last one shown, goes; "a-new" (an id that sorts first) takes its place
    replaceWorkplanActivities(
      db,
      { id: workplan.id, networkId: network.id },
      [...original.slice(0, 9), "a-new", ...original.slice(10)].map((id) => emptyActivity(id)),
    );
    const rest = listWorkplanActivityPage(db, workplan.id, {}, { limit: 30, after: first.next });
    expect(rest.items.map((a) => a.id)).toEqual(["a-new", ...original.slice(10)]);
  });
});

describe("a short list a page at a time", () => {
  it("pages a list in its key's order and continues after the cursor even when items arrive", () => {
    const list = [{ n: "b" }, { n: "a" }, { n: "d" }];
    const first = pageOfList(list, (x) => [x.n], { limit: 2, after: null });
    expect(first.items.map((x) => x.n)).toEqual(["a", "b"]);
    expect(first.next).toEqual(["b"]);
    const later = pageOfList([...list, { n: "a2" }, { n: "c" }], (x) => [x.n], {
      limit: 2,
      after: first.next,
    });
    expect(later.items.map((x) => x.n)).toEqual(["c", "d"]);
    expect(later.next).toBeNull();
  });
});
