import type { ValidationOrganisation, ValidationView } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n";
import messages from "../../i18n/locales/en/lifecycle.json";
import fr from "../../i18n/locales/fr/lifecycle.json";
import {
  answerState,
  describeStage,
  formatDay,
  moveLabel,
  newestRevision,
  revisionOfLabel,
  standingObjections,
  validationSummary,
} from "./lifecycle-logic";

const now = new Date("2027-02-10T12:00:00Z");
const t = createTranslate("en", "lifecycle", messages);

function organisation(overrides: Partial<ValidationOrganisation>): ValidationOrganisation {
  return {
    organisationId: "iom",
    name: "International Organization for Migration",
    acronym: "IOM",
    activityCount: 2,
    askedSince: "start",
    answer: null,
    comment: "",
    answeredBy: null,
    answeredByName: null,
    answeredAt: null,
    overrule: null,
    blocking: false,
    ...overrides,
  };
}

function validation(organisations: ValidationOrganisation[]): ValidationView {
  const count = (answer: "approved" | "objected") =>
    organisations.filter((o) => o.answer === answer).length;
  return {
    roundId: "r1",
    current: true,
    startedAt: "2027-02-01T10:00:00Z",
    startedBy: "u1",
    endedAt: null,
    organisations,
    approved: count("approved"),
    objected: count("objected"),
    overruled: organisations.filter((o) => o.overrule).length,
    pending: organisations.filter((o) => o.answer === null).length,
    canAdopt: !organisations.some((o) => o.blocking),
  };
}

const base = {
  archived: false,
  adoptedAt: null,
  consultation: { deadline: null },
  validation: null,
} as const;

describe("describeStage", () => {
  it("names the consultation deadline as people say it, without this year's number", () => {
    const text = describeStage(
      t,
      { ...base, stage: "consultation", consultation: { deadline: "2027-03-15" } },
      now,
    );
    expect(text.summary).toBe("Consultation: commenters are invited until 15 March");
  });

  it("adds the year to a deadline in another year", () => {
    const text = describeStage(
      t,
      { ...base, stage: "consultation", consultation: { deadline: "2028-01-05" } },
      now,
    );
    expect(text.summary).toBe("Consultation: commenters are invited until 5 January 2028");
  });

  it("invites comments without a date when no deadline is set", () => {
    expect(describeStage(t, { ...base, stage: "consultation" }, now).summary).toBe(
      "Consultation: commenters are invited to comment",
    );
  });

  it("says an adopted plan is frozen, with the day it was adopted", () => {
    const text = describeStage(t, { ...base, stage: "adopted", adoptedAt: "2024-03-01T12:00:00Z" });
    expect(text.summary).toBe("Adopted on 1 March 2024 — this plan is frozen");
    expect(text.tone).toBe("frozen");
  });

  it("counts answers during validation and flags a standing objection", () => {
    const text = describeStage(t, {
      ...base,
      stage: "validation",
      validation: validation([
        organisation({ answer: "approved" }),
        organisation({ organisationId: "ilo", answer: "objected", blocking: true }),
        organisation({ organisationId: "who" }),
      ]),
    });
    expect(text.summary).toBe("Validation: each lead organisation approves its part");
    expect(text.detail).toBe("1 of 3 approved · 1 objection · 1 not answered");
    expect(text.tone).toBe("attention");
  });

  it("says an archived plan is read-only whatever its stage", () => {
    expect(describeStage(t, { ...base, stage: "draft", archived: true }).tone).toBe("frozen");
  });
});

describe("validation", () => {
  it("tells an overruled objection from one that stands", () => {
    const overruled = organisation({
      answer: "objected",
      overrule: { by: "u1", byName: "Tamar", reason: "agreed at the meeting", at: "x" },
    });
    const standing = organisation({ organisationId: "ilo", answer: "objected", blocking: true });
    expect(answerState(overruled)).toBe("overruled");
    expect(answerState(standing)).toBe("objected");
    expect(standingObjections(validation([overruled, standing]))).toEqual([standing]);
    expect(validationSummary(t, validation([overruled, standing]))).toBe(
      "0 of 2 approved · 1 objection · 1 overruled",
    );
  });

  it("has no standing objection once the round is over", () => {
    const round = validation([organisation({ answer: "objected", blocking: true })]);
    expect(standingObjections({ ...round, current: false })).toEqual([]);
  });
});

describe("revisions and moves", () => {
  const link = {
    id: "wp-1",
    title: "Joint workplan",
    stage: "adopted" as const,
    createdAt: "2023-01-01T00:00:00Z",
    adoptedAt: "2024-03-01T12:00:00Z",
  };

  it("links a revision back to the adopted plan with its adoption day", () => {
    expect(revisionOfLabel(t, link)).toBe("Revision of “Joint workplan” adopted 1 March 2024");
  });

  it("points an adopted plan at its newest revision", () => {
    const older = { ...link, id: "r1", createdAt: "2024-04-01T00:00:00Z" };
    const newer = { ...link, id: "r2", createdAt: "2025-04-01T00:00:00Z" };
    expect(newestRevision([newer, older])?.id).toBe("r2");
    expect(newestRevision([])).toBeNull();
  });

  it("words each move as the coordinator's action", () => {
    expect(moveLabel(t, "draft", "consultation")).toBe("Send for consultation");
    expect(moveLabel(t, "validation", "adopted")).toBe("Adopt the plan");
    expect(moveLabel(t, "validation", "consultation")).toBe("Back to consultation");
  });
});

describe("in French", () => {
  it("writes the deadline and the tally in French, with French plurals and dates", () => {
    const tf = createTranslate("fr", "lifecycle", fr);
    const text = describeStage(
      tf,
      { ...base, stage: "consultation", consultation: { deadline: "2028-01-05" } },
      now,
    );
    expect(text.summary).toBe(
      "Consultation : les commentateurs sont invités jusqu’au 5 janvier 2028",
    );
    const round = validation([
      organisation({ answer: "objected", blocking: true }),
      organisation({ organisationId: "ilo", answer: "objected", blocking: true }),
    ]);
    expect(validationSummary(tf, round)).toBe("0 sur 2 ont approuvé · 2 objections");
  });
});

describe("formatDay", () => {
  it("leaves a value that is not a day as it is", () => {
    expect(formatDay("soon", now)).toBe("soon");
  });
});
