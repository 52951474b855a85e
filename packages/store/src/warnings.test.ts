import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Activity, emptyActivity } from "@junction/domain";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { replaceWorkplanActivities } from "./activities";
import { type Db, MIGRATIONS, openDatabase } from "./db";
import { createNetwork, createOrganisation } from "./networks";
import type { Cursor } from "./pages";
import { openTestStore, testDatabaseUrl } from "./testing";
import {
  countWarnings,
  decideWarning,
  insertWarning,
  listWarningPage,
  setWarningStatus,
  type WarningFilter,
  type WarningStatus,
} from "./warnings";

import { createWorkplan } from "./workplans";

const open: Db[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Lead = "A" | "B" | "C" | null;

/** What a filter means, worked out from every warning and the activity index itself. */
function expected(db: Db, filter: WarningFilter) {
  const leads = new Map(
    (
      db.prepare("SELECT workplan_id, activity_id, lead FROM activities").all() as {
        workplan_id: string;
        activity_id: string;
        lead: string | null;
      }[]
    ).map((row) => [`${row.workplan_id}/${row.activity_id}`, row.lead]),
  );
  const rows = db
    .prepare(
      "SELECT id, network_id, workplan_a, activity_a, workplan_b, activity_b, status, score FROM warnings",
    )
    .all() as {
    id: string;
    network_id: string;
    workplan_a: string;
    activity_a: string;
    workplan_b: string;
    activity_b: string;
    status: WarningStatus;
    score: number;
  }[];
  const matching = rows.filter(
    (row) =>
      row.status !== "gone" &&
      (filter.networkId === undefined || row.network_id === filter.networkId) &&
      (filter.workplanId === undefined ||
        (row.workplan_a === filter.workplanId &&
          (filter.activityIds?.includes(row.activity_a) ?? true)) ||
        (row.workplan_b === filter.workplanId &&
          (filter.activityIds?.includes(row.activity_b) ?? true))) &&
      (filter.statuses === undefined || filter.statuses.some((s) => s === row.status)) &&
      (filter.organisationId === undefined ||
        leads.get(`${row.workplan_a}/${row.activity_a}`) === filter.organisationId ||
        leads.get(`${row.workplan_b}/${row.activity_b}`) === filter.organisationId),
  );
  matching.sort(
    (x, y) =>
      Number(x.status !== "open") - Number(y.status !== "open") ||
      y.score - x.score ||
      (x.id < y.id ? -1 : x.id > y.id ? 1 : 0),
  );
  const counts = { open: 0, dismissed: 0, coordinate: 0 };
  for (const row of matching) if (row.status !== "gone") counts[row.status]++;
  return { ids: matching.map((row) => row.id), counts };
}

function walk(db: Db, filter: WarningFilter, limit: number): string[] {
  const ids: string[] = [];
  let after: Cursor | null = null;
  do {
    const page = listWarningPage(db, filter, { limit, after });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    ids.push(...page.items.map((w) => w.id));
    after = page.next;
    if (ids.length > 1000) throw new Error("the pages never end");
  } while (after !== null);
  return ids;
}

/** Every organisation, status filter and page size answers what the activity index says. */
function expectFiltersAgree(db: Db, networkId: string, organisations: string[], plans: string[]) {
  const statusFilters: WarningFilter["statuses"][] = [
    undefined,
    ["open"],
    ["dismissed", "coordinate"],
    ["coordinate"],
  ];
  let seen = 0;
  const places: WarningFilter[] = [
    { networkId },
    ...plans.map((workplanId) => ({ workplanId })),
    // a few activities of the first workplan, as its editor asks
    { workplanId: plans[0] ?? "", activityIds: ["p1", "p2", "p5", "x00", "q9"] },
  ];
  for (const organisationId of [undefined, ...organisations, "nobody"]) {
    for (const statuses of statusFilters) {
      for (const place of places) {
        const filter: WarningFilter = {
          ...place,
          ...(organisationId ? { organisationId } : {}),
          ...(statuses ? { statuses } : {}),
        };
        const want = expected(db, filter);
        seen += want.ids.length;
        for (const limit of [1, 4, 500]) {
          expect({ filter, limit, ids: walk(db, filter, limit) }).toEqual({
            filter,
            limit,
            ids: want.ids,
          });
        }
        expect({ filter, counts: countWarnings(db, filter) }).toEqual({
          filter,
          counts: want.counts,
        });
      }
    }
  }
  // the check is worth something only if the filters matched warnings
  expect(seen).toBeGreaterThan(0);
}

function setUp() {
  const db = openTestStore(":memory:");
  open.push(db);
  const network = createNetwork(db, { name: "N", country: "", description: "" });
  const org = (name: string) =>
    createOrganisation(db, { networkId: network.id, name, acronym: name, type: "un-agency" }).id;
  const orgs = { A: org("A"), B: org("B"), C: org("C") };
  const plans = [1, 2].map(
    (n) => createWorkplan(db, { networkId: network.id, title: `Plan ${n}`, createdBy: null }).id,
  );
  const leadOf = (lead: Lead) => (lead === null ? null : orgs[lead]);
  const index = (plan: number, leads: Record<string, Lead>) => {
    const activities: Activity[] = Object.entries(leads).map(([id, lead]) => ({
      ...emptyActivity(id),
      title: `Activity ${id}`,
      lead: leadOf(lead),
    }));
    replaceWorkplanActivities(db, { id: plans[plan] ?? "", networkId: network.id }, activities);
  };
  const warn = (a: [number, string], b: [number, string], score: number) =>
    insertWarning(
      db,
      {
        networkId: network.id,
        a: { workplanId: plans[a[0]] ?? "", activityId: a[1] },
        b: { workplanId: plans[b[0]] ?? "", activityId: b[1] },
        score,
        reasons: [],
      },
      1,
    ).id;
  return { db, network, orgs, plans, index, warn };
}

describe("an organisation's warnings, from the leads kept on each warning", () => {
  it("pages and counts exactly what the activity index says, through every change to it", () => {
    const { db, network, orgs, plans, index, warn } = setUp();
    const organisations = Object.values(orgs);
    const check = () => expectFiltersAgree(db, network.id, organisations, plans);
    const first: Record<string, Lead> = {};
    for (let i = 0; i < 24; i++) first[`p${i}`] = (["A", "B", "C", null] as const)[i % 4] ?? null;
    index(0, first);
    index(1, { q0: "A", q1: "B", q2: "A" });
    const ids: string[] = [];
    for (let i = 0; i + 1 < 24; i++) {
      // a few scores only: ties are broken by the id, across both arms of the filter
      ids.push(warn([0, `p${i}`], [0, `p${i + 1}`], [0.6, 0.9, 0.75][i % 3] ?? 0.6));
    }
    ids.push(warn([0, "p0"], [0, "p4"], 0.9)); // both sides led by A: counted once
    ids.push(warn([0, "p1"], [1, "q0"], 0.9)); // across workplans
    ids.push(warn([0, "p2"], [1, "q9"], 0.8)); // q9 is not in the index (yet)
    decideWarning(db, ids[0] ?? "", { status: "dismissed", decidedBy: null, basis: null }, 2);
    decideWarning(db, ids[4] ?? "", { status: "coordinate", decidedBy: null, basis: null }, 2);
    decideWarning(db, ids[24] ?? "", { status: "coordinate", decidedBy: null, basis: null }, 2);
    setWarningStatus(db, ids[8] ?? "", "gone", 2);
    check();

    // leads change in the document: A to C, C to nobody, nobody to B
    index(0, { ...first, p0: "C", p2: null, p3: "B", p4: "A" });
    check();
    // an activity leaves the document, then comes back with another lead
    const { p5: _gone, ...without } = first;
    index(0, without);
    check();
    index(0, { ...first, p5: "C" });
    check();
    // the activity a warning named before it was indexed arrives
    index(1, { q0: "A", q1: "B", q2: "A", q9: "A" });
    check();
    // a warning on an activity already in the index
    warn([1, "q1"], [1, "q2"], 0.99);
    decideWarning(db, ids[1] ?? "", { status: "open", decidedBy: null, basis: null }, 3);
    check();
  });

  it("gives every warning of a database from before migration 014 its leads", () => {
    const dir = mkdtempSync(join(tmpdir(), "junction-store-"));
    dirs.push(dir);
    const path = join(dir, "junction.db");
    const old = new Database(path);
    // the schema as version 13 left it
    for (const migration of MIGRATIONS.slice(0, 13)) old.exec(migration);
    old.pragma("user_version = 13");
    const activity = (id: string, lead: string) =>
      `('w1', '${id}', 'n1', 0, '${JSON.stringify({ id, title: id, lead })}', 1)`;
    old.exec(`
      INSERT INTO networks (id, name, created_at) VALUES ('n1', 'N', 1);
      INSERT INTO workplans (id, network_id, title, stage, created_at, updated_at)
        VALUES ('w1', 'n1', 'Plan', 'draft', 1, 1);
      INSERT INTO activities (workplan_id, activity_id, network_id, position, data, updated_at)
        VALUES ${activity("x", "org-a")}, ${activity("y", "org-b")}, ${activity("z", "org-a")};
      INSERT INTO warnings (id, network_id, workplan_a, activity_a, workplan_b, activity_b, score, reasons, status, created_at, updated_at)
        VALUES ('k1', 'n1', 'w1', 'x', 'w1', 'y', 0.7, '[]', 'open', 1, 1),
               ('k2', 'n1', 'w1', 'y', 'w1', 'z', 0.9, '[]', 'open', 1, 1),
               ('k3', 'n1', 'w1', 'x', 'w1', 'z', 0.8, '[]', 'dismissed', 1, 1),
               ('k4', 'n1', 'w1', 'y', 'w1', 'gone-one', 0.8, '[]', 'open', 1, 1);`);
    old.close();
    const db = openDatabase(path);
    open.push(db);
    const ofA = { networkId: "n1", organisationId: "org-a" };
    expect(walk(db, ofA, 2)).toEqual(["k2", "k1", "k3"]);
    expect(countWarnings(db, ofA)).toEqual({ open: 2, dismissed: 1, coordinate: 0 });
    expect(walk(db, { networkId: "n1", organisationId: "org-b" }, 2)).toEqual(["k2", "k4", "k1"]);
    expectFiltersAgree(db, "n1", ["org-a", "org-b"], ["w1"]);
  });

  // a query plan is SQLite's: PostgreSQL plans by its own statistics
  it.skipIf(testDatabaseUrl() !== null)(
    "reads a page from indexes in order, a page per arm, and counts from indexes alone",
    () => {
      const { db, network, orgs, plans: workplans } = setUp();
      // what SQLite plans for the statements the store runs, with the parameters it runs them with
      const plansOf = (run: () => void): string[] => {
        const plans: string[] = [];
        const prepare = db.prepare.bind(db);
        db.prepare = ((sql: string) => {
          const statement = prepare(sql);
          const explain = prepare(`EXPLAIN QUERY PLAN ${sql}`);
          const spy: typeof statement = new Proxy(statement, {
            get(target, key) {
              if (key === "raw") {
                return (raw?: boolean) => {
                  target.raw(raw);
                  return spy;
                };
              }
              if (key === "all" || key === "get") {
                return (...params: unknown[]) => {
                  const rows = explain.all(...params) as { detail: string }[];
                  plans.push(rows.map((row) => row.detail).join("\n"));
                  return target[key](...params);
                };
              }
              return Reflect.get(target, key, target);
            },
          });
          return spy;
        }) as typeof db.prepare;
        try {
          run();
        } finally {
          db.prepare = prepare;
        }
        return plans;
      };
      const filters: [WarningFilter, RegExp[]][] = [
        [{ networkId: network.id }, [/COVERING INDEX warnings_network/]],
        [
          { networkId: network.id, organisationId: orgs.A },
          [/COVERING INDEX warnings_lead_a/, /COVERING INDEX warnings_lead_b/],
        ],
        [
          { workplanId: workplans[0] ?? "" },
          [/COVERING INDEX warnings_workplan_a/, /COVERING INDEX warnings_workplan_b/],
        ],
      ];
      for (const [filter, indexes] of filters) {
        const [page, count] = plansOf(() => {
          listWarningPage(db, filter, { limit: 20, after: ["1", 0.5, "x"] as unknown as Cursor });
          countWarnings(db, filter);
        });
        for (const index of indexes) {
          expect(page).toMatch(index);
          expect(count).toMatch(index);
        }
        // each arm stops after a page in its index's order: only the arms' pages, then the page
        // itself, are sorted, however many arms (statuses, sides) and warnings there are
        expect({ filter, sorts: page?.match(/TEMP B-TREE/g)?.length }).toEqual({
          filter,
          sorts: 2,
        });
        expect(count).not.toMatch(/SCAN w\b/);
      }
    },
  );
});
