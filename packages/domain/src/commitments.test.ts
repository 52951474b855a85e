import { describe, expect, it } from "vitest";
import {
  COMMITMENT_FIELDS,
  commitmentHolders,
  commitmentRights,
  mayChangeCommitment,
  readCommitments,
} from "./commitments";
import { ROLES } from "./roles";

const unicefEditor = { role: "editor", organisationId: "unicef", isOwner: false } as const;
const ledByIom = { lead: "iom" };

describe("who may change an activity's commitments", () => {
  it("lets coordinators change every commitment of any activity", () => {
    const coordinator = { ...unicefEditor, role: "coordinator" } as const;
    for (const field of COMMITMENT_FIELDS) {
      expect(mayChangeCommitment(coordinator, ledByIom, field, "ilo")).toBe(true);
    }
  });

  it("lets editors of the lead organisation change every commitment, handing the lead over too", () => {
    for (const field of COMMITMENT_FIELDS) {
      expect(mayChangeCommitment(unicefEditor, { lead: "unicef" }, field, "ilo")).toBe(true);
    }
  });

  it("keeps every commitment of another organisation's activity from other editors", () => {
    for (const field of COMMITMENT_FIELDS) {
      expect(mayChangeCommitment(unicefEditor, ledByIom, field, "unicef")).toBe(false);
    }
  });

  it("judges by the lead before the change, so naming one's own organisation lead does not count", () => {
    // the walk-around: set lead to UNICEF, then status; both are judged on IOM's activity
    expect(mayChangeCommitment(unicefEditor, ledByIom, "lead", "unicef")).toBe(false);
    expect(mayChangeCommitment(unicefEditor, ledByIom, "status", "completed")).toBe(false);
  });

  it("lets an owner set the status and nothing else", () => {
    const owner = { ...unicefEditor, isOwner: true };
    expect(mayChangeCommitment(owner, ledByIom, "status", "ongoing")).toBe(true);
    expect(mayChangeCommitment(owner, ledByIom, "lead", "unicef")).toBe(false);
    expect(mayChangeCommitment(owner, ledByIom, "partners", ["unicef"])).toBe(false);
    expect(mayChangeCommitment(owner, ledByIom, "budget", null)).toBe(false);
  });

  it("lets any editor claim an activity without a lead for their own organisation only", () => {
    const unled = { lead: null };
    expect(mayChangeCommitment(unicefEditor, unled, "lead", "unicef")).toBe(true);
    expect(mayChangeCommitment(unicefEditor, unled, "lead", "iom")).toBe(false);
    expect(mayChangeCommitment(unicefEditor, unled, "status", "ongoing")).toBe(false);
    expect(mayChangeCommitment(unicefEditor, unled, "partners", ["iom"])).toBe(false);
    expect(commitmentRights(unicefEditor, unled).lead).toBe("claim");
  });

  it("never lets commenters or viewers change a commitment, even of what they own or lead", () => {
    for (const role of ROLES.filter((r) => r === "commenter" || r === "viewer")) {
      const member = { role, organisationId: "unicef", isOwner: true };
      for (const field of COMMITMENT_FIELDS) {
        expect(mayChangeCommitment(member, { lead: "unicef" }, field, "unicef")).toBe(false);
        expect(mayChangeCommitment(member, { lead: null }, field, "unicef")).toBe(false);
      }
    }
  });
});

describe("reading and explaining commitments", () => {
  it("reads stored attributes leniently, as the activity index does", () => {
    expect(
      readCommitments({ lead: "", partners: ["ilo", 3, " "], budget: { amount: 5 }, status: "x" }),
    ).toEqual({ lead: null, partners: ["ilo"], budget: null, status: "planned" });
  });

  it("names who sets a field the member may not change", () => {
    expect(commitmentHolders("budget", { name: "UNICEF", acronym: "UNICEF" })).toBe(
      "Set by UNICEF, the lead organisation, and coordinators",
    );
    expect(commitmentHolders("status", "UNICEF")).toBe(
      "Set by UNICEF, the lead organisation, its owners and coordinators",
    );
    expect(commitmentHolders("status", null)).toBe("Choose the lead organisation first");
  });
});
