import { afterEach, describe, expect, it } from "vitest";
import { insertThread, listWorkplanThreadPage } from "./comments";
import type { Db } from "./db";
import { addMembership } from "./memberships";
import { createNetwork, createOrganisation } from "./networks";
import {
  countOpenSuggestions,
  decideSuggestion,
  findSuggestion,
  insertSuggestion,
  listOpenSuggestions,
  listWorkplanSuggestionPage,
} from "./suggestions";
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
    name: "Civil voice",
    acronym: "CV",
    type: "civil-society-organisation",
  });
  const workplan = createWorkplan(db, { networkId: network.id, title: "Plan", createdBy: null });
  const ana = createUser(db, { email: "ana@example.test", name: "Ana", passwordHash: null });
  const ben = createUser(db, { email: "ben@example.test", name: "Ben", passwordHash: null });
  addMembership(db, {
    networkId: network.id,
    userId: ana.id,
    organisationId: org.id,
    role: "commenter",
  });
  let clock = 1000;
  const suggest = (overrides: { activityId?: string; field?: "budget" } = {}) => {
    clock += 1;
    const thread = insertThread(
      db,
      { workplanId: workplan.id, activityId: null, anchor: null, quote: "", createdBy: ana.id },
      clock,
    );
    return insertSuggestion(
      db,
      {
        workplanId: workplan.id,
        threadId: thread.id,
        kind: overrides.field ? "field" : "text",
        activityId: overrides.activityId ?? null,
        anchor: overrides.field ? null : { start: "AAAA", end: "BBBB" },
        field: overrides.field ?? null,
        quote: "old words",
        text: "new words",
        value: overrides.field ? { amount: 10, currency: "USD" } : undefined,
        before: overrides.field ? null : undefined,
        reason: "",
        authorId: ana.id,
      },
      clock,
    );
  };
  return { db, network, org, workplan, ana, ben, suggest };
}

describe("suggestions in the store", () => {
  it("keeps what was suggested, by whom, from which organisation", () => {
    const { db, network, org, ana, suggest } = setUp();
    const text = suggest();
    expect(text).toMatchObject({
      networkId: network.id,
      kind: "text",
      anchor: { start: "AAAA", end: "BBBB" },
      quote: "old words",
      text: "new words",
      status: "open",
      authorId: ana.id,
      authorName: "Ana",
      authorOrganisationId: org.id,
      decidedBy: null,
    });
    expect(text.value).toBeUndefined();
    const field = suggest({ activityId: "A1", field: "budget" });
    expect(findSuggestion(db, field.id)).toMatchObject({
      kind: "field",
      field: "budget",
      anchor: null,
      value: { amount: 10, currency: "USD" },
      before: null,
    });
  });

  it("decides an open suggestion once: a second decision changes nothing", () => {
    const { db, ben, workplan, suggest } = setUp();
    const suggestion = suggest();
    expect(countOpenSuggestions(db, workplan.id)).toBe(1);
    expect(
      decideSuggestion(db, suggestion.id, { status: "rejected", by: ben.id, note: "No" }, 5000),
    ).toBe(true);
    expect(
      decideSuggestion(db, suggestion.id, { status: "accepted", by: ben.id, note: null }, 6000),
    ).toBe(false);
    expect(findSuggestion(db, suggestion.id)).toMatchObject({
      status: "rejected",
      decidedBy: ben.id,
      decidedByName: "Ben",
      decidedAt: 5000,
      decisionNote: "No",
    });
    expect(countOpenSuggestions(db, workplan.id)).toBe(0);
    expect(listOpenSuggestions(db, [workplan.id])).toEqual([]);
  });

  it("pages a workplan's suggestions oldest first, filtered by status and activity", () => {
    const { db, ben, workplan, suggest } = setUp();
    const made = [
      suggest(),
      suggest({ activityId: "A1" }),
      suggest({ activityId: "A1" }),
      suggest(),
    ];
    decideSuggestion(db, made[0]?.id ?? "", { status: "withdrawn", by: ben.id, note: null }, 9000);
    const first = listWorkplanSuggestionPage(db, workplan.id, {}, { limit: 3, after: null });
    expect(first.items.map((s) => s.id)).toEqual(made.slice(0, 3).map((s) => s.id));
    const second = listWorkplanSuggestionPage(db, workplan.id, {}, { limit: 3, after: first.next });
    expect(second.items.map((s) => s.id)).toEqual([made[3]?.id]);
    expect(second.next).toBeNull();
    const openOnes = listWorkplanSuggestionPage(
      db,
      workplan.id,
      { status: "open", activityId: "A1" },
      { limit: 10, after: null },
    );
    expect(openOnes.items.map((s) => s.id)).toEqual([made[1]?.id, made[2]?.id]);
  });

  it("keeps a suggestion's thread out of the workplan's comment threads", () => {
    const { db, ana, workplan, suggest } = setUp();
    const comment = insertThread(
      db,
      { workplanId: workplan.id, activityId: null, anchor: null, quote: "", createdBy: ana.id },
      500,
    );
    const suggestion = suggest();
    const threads = listWorkplanThreadPage(db, workplan.id, {}, { limit: 10, after: null });
    expect(threads.items.map((t) => t.id)).toEqual([comment.id]);
    expect(findSuggestion(db, suggestion.id)?.threadId).not.toBe(comment.id);
  });
});
