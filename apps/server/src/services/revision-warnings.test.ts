import { createWorkplan, decideWarning, findWarningByPair, insertWarning } from "@junction/store";
import { afterEach, describe, expect, it } from "vitest";
import { createHarness, createTestNetwork, type Harness } from "../test/harness";
import { carryWarningsToRevision } from "./revision-warnings";

let harness: Harness | null = null;
afterEach(() => {
  harness?.close();
  harness = null;
});

describe("carrying warnings over to a revision", () => {
  it("keeps a decision, and what each side said, when the pair is stored the other way round", () => {
    const h = createHarness();
    harness = h;
    const n = createTestNetwork(h);
    for (const id of ["m-adopted", "n-other", "z-revision"]) {
      createWorkplan(h.db, { id, networkId: n.networkId, title: id, createdBy: null });
    }
    const adopted = { workplanId: "m-adopted", activityId: "X1" };
    const other = { workplanId: "n-other", activityId: "M1" };
    const warning = insertWarning(
      h.db,
      { networkId: n.networkId, a: adopted, b: other, score: 0.9, reasons: ["same words"] },
      1,
    );
    const basis = { a: { title: "adopted side" }, b: { title: "other side" } };
    decideWarning(
      h.db,
      warning.id,
      { status: "dismissed", decidedBy: n.users.coordinator.id, basis },
      2,
    );

    carryWarningsToRevision(h.deps, "m-adopted", "z-revision", 3);

    const copy = findWarningByPair(h.db, n.networkId, other, {
      workplanId: "z-revision",
      activityId: "X1",
    });
    expect(copy).toMatchObject({
      status: "dismissed",
      decidedBy: n.users.coordinator.id,
      decisionBasis: { a: { title: "other side" }, b: { title: "adopted side" } },
    });
  });
});
