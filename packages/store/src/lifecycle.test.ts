import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { Db } from "./db";
import {
  copyDocumentClients,
  listDocumentClients,
  recordDocumentClients,
} from "./document-clients";
import {
  answerValidation,
  findLatestValidationRound,
  listStageMoves,
  listValidationAnswers,
  moveWorkplanStage,
  openValidationRound,
  overruleObjection,
} from "./lifecycle";
import { createNetwork, createOrganisation } from "./networks";
import { openTestStore } from "./testing";
import { createUser } from "./users";
import { insertVersion, listVersions, loadVersionState, versionStorageBytes } from "./versions";
import { createWorkplan, findWorkplan } from "./workplans";

const dirs: string[] = [];
const open: Db[] = [];

afterEach(() => {
  for (const db of open.splice(0)) db.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), "junction-lifecycle-"));
  dirs.push(dir);
  const db = openTestStore(join(dir, "junction.db"));
  open.push(db);
  const network = createNetwork(db, { name: "N", country: "C", description: "" });
  const org = createOrganisation(db, {
    networkId: network.id,
    name: "IOM",
    acronym: "IOM",
    type: "un-agency",
  });
  const user = createUser(db, { email: "c@example.test", name: "Coordinator", passwordHash: null });
  const workplan = createWorkplan(db, { networkId: network.id, title: "W", createdBy: user.id });
  return { db, org, user, workplan };
}

describe("stage moves", () => {
  it("sets the stage and lists every move oldest first, even within one millisecond", () => {
    const { db, user, workplan } = setup();
    const input = { workplanId: workplan.id, movedBy: user.id, versionId: null };
    moveWorkplanStage(db, { ...input, from: "draft", to: "consultation", reason: null }, 5);
    moveWorkplanStage(db, { ...input, from: "consultation", to: "draft", reason: "Too early" }, 5);
    expect(findWorkplan(db, workplan.id)?.stage).toBe("draft");
    expect(listStageMoves(db, workplan.id).map((m) => [m.from, m.to, m.reason, m.byName])).toEqual([
      ["draft", "consultation", null, "Coordinator"],
      ["consultation", "draft", "Too early", "Coordinator"],
    ]);
  });
});

describe("versions", () => {
  it("lists newest first and stores an identical state once", () => {
    const { db, user, workplan } = setup();
    const state = new Uint8Array([1, 2, 3, 4]);
    const base = { workplanId: workplan.id, stage: "draft" as const, createdBy: user.id };
    const first = insertVersion(db, { ...base, name: "First", kind: "named", state }, 10);
    const second = insertVersion(db, { ...base, name: "Moved", kind: "stage", state }, 10);
    const third = insertVersion(
      db,
      { ...base, name: "Other", kind: "named", state: new Uint8Array([9]) },
      10,
    );
    expect(listVersions(db, workplan.id).map((v) => v.id)).toEqual([third.id, second.id, first.id]);
    expect([...(loadVersionState(db, second.id) ?? [])]).toEqual([1, 2, 3, 4]);
    expect([...(loadVersionState(db, third.id) ?? [])]).toEqual([9]);
    expect(loadVersionState(db, "missing")).toBeNull();
    expect(first).toMatchObject({ name: "First", createdByName: "Coordinator" });
    expect(versionStorageBytes(db, workplan.id)).toBe(first.bytes + third.bytes);
  });

  it("stores a text-heavy state compressed", () => {
    const { db, workplan } = setup();
    const state = new TextEncoder().encode("border police training ".repeat(200));
    const version = insertVersion(
      db,
      {
        workplanId: workplan.id,
        name: "Big",
        kind: "named",
        stage: "draft",
        createdBy: null,
        state,
      },
      1,
    );
    expect(version.bytes).toBeLessThan(state.length / 3);
    expect(loadVersionState(db, version.id)).toEqual(state);
  });
});

describe("validation rounds", () => {
  it("keeps an organisation's latest answer; a new answer clears an overrule", () => {
    const { db, org, user, workplan } = setup();
    const round = openValidationRound(
      db,
      { workplanId: workplan.id, startedBy: user.id, organisationIds: [org.id, org.id] },
      1,
    );
    expect(findLatestValidationRound(db, workplan.id)?.organisationIds).toEqual([org.id]);
    const answer = { roundId: round.id, organisationId: org.id, answeredBy: user.id };
    answerValidation(db, { ...answer, answer: "objected", comment: "Budget missing" }, 2);
    overruleObjection(
      db,
      { roundId: round.id, organisationId: org.id, by: user.id, reason: "Agreed in the meeting" },
      3,
    );
    expect(listValidationAnswers(db, round.id)[0]?.overrule?.reason).toBe("Agreed in the meeting");
    answerValidation(db, { ...answer, answer: "objected", comment: "Still missing" }, 4);
    expect(listValidationAnswers(db, round.id)).toMatchObject([
      { answer: "objected", comment: "Still missing", overrule: null },
    ]);
    openValidationRound(
      db,
      { workplanId: workplan.id, startedBy: user.id, organisationIds: [] },
      5,
    );
    const latest = findLatestValidationRound(db, workplan.id);
    expect(latest?.id).not.toBe(round.id);
    expect(latest?.endedAt).toBeNull();
  });
});

describe("document clients", () => {
  it("keeps the first writer of a client id and copies them to a revision", () => {
    const { db, org, user, workplan } = setup();
    const other = createUser(db, { email: "e@example.test", name: "Editor", passwordHash: null });
    recordDocumentClients(
      db,
      workplan.id,
      [{ clientId: 7, userId: user.id, organisationId: org.id }],
      1,
    );
    recordDocumentClients(
      db,
      workplan.id,
      [{ clientId: 7, userId: other.id, organisationId: null }],
      2,
    );
    const revision = createWorkplan(db, {
      networkId: workplan.networkId,
      title: "R",
      createdBy: null,
    });
    copyDocumentClients(db, workplan.id, revision.id);
    expect(listDocumentClients(db, revision.id)).toEqual([
      { clientId: 7, userId: user.id, name: "Coordinator", organisationId: org.id },
    ]);
  });
});
