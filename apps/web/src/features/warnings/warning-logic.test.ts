import type { MemberView, WarningSide, WarningView } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n";
import english from "../../i18n/locales/en/warnings.json";
import spanish from "../../i18n/locales/es/warnings.json";
import russian from "../../i18n/locales/ru/warnings.json";
import {
  activityHref,
  assigneesFor,
  changedActivityIds,
  coordinationTaskTitle,
  countOpen,
  dayAfter,
  describeDecision,
  filterWarnings,
  groupByActivity,
  leadOrganisations,
  NO_FILTER,
  otherSide,
  patchWarnings,
  reasonKind,
  splitByStatus,
  truncate,
  warningStrength,
} from "./warning-logic";

const t = createTranslate("en", "warnings", english);

function side(activityId: string, leadId: string | null, workplanId = "wp-1"): WarningSide {
  return {
    workplanId,
    workplanTitle: workplanId === "wp-1" ? "Joint workplan" : "Strategy action plan",
    activityId,
    title: `Activity ${activityId}`,
    lead: leadId ? leadId.toUpperCase() : null,
    leadId,
  };
}

function warning(id: string, overrides: Partial<WarningView> = {}): WarningView {
  return {
    id,
    networkId: "net",
    score: 0.7,
    reasons: ["same place: Tbilisi"],
    status: "open",
    a: side("A1", "unicef"),
    b: side("A2", "iom"),
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    createdAt: "2025-03-01T10:00:00.000Z",
    updatedAt: "2025-03-01T10:00:00.000Z",
    ...overrides,
  };
}

function member(userId: string, organisationId: string, role: MemberView["role"]): MemberView {
  return {
    userId,
    name: `Person ${userId}`,
    email: `${userId}@example.org`,
    organisationId,
    organisationName: organisationId,
    organisationAcronym: organisationId.toUpperCase(),
    role,
    joinedAt: "2025-01-01T00:00:00.000Z",
  };
}

describe("warningStrength", () => {
  it("calls near-certain pairs strong, clear ones likely and borderline ones possible", () => {
    expect(warningStrength(0.97)).toBe("strong");
    expect(warningStrength(0.85)).toBe("strong");
    expect(warningStrength(0.75)).toBe("likely");
    expect(warningStrength(0.65)).toBe("likely");
    expect(warningStrength(0.55)).toBe("possible");
  });
});

describe("splitByStatus", () => {
  it("puts open warnings first, strongest first, and decided ones after, latest decision first", () => {
    const { open, decided } = splitByStatus([
      warning("weak", { score: 0.55 }),
      warning("old", { status: "dismissed", decidedAt: "2025-03-02T00:00:00.000Z" }),
      warning("strong", { score: 0.95 }),
      warning("new", { status: "coordinate", decidedAt: "2025-03-05T00:00:00.000Z" }),
    ]);
    expect(open.map((w) => w.id)).toEqual(["strong", "weak"]);
    expect(decided.map((w) => w.id)).toEqual(["new", "old"]);
  });

  it("counts only the open ones for the header badge", () => {
    expect(countOpen([warning("1"), warning("2", { status: "dismissed" }), warning("3")])).toBe(2);
  });
});

describe("filterWarnings", () => {
  const list = [
    warning("unicef-iom"),
    warning("ilo-iom", { a: side("A3", "ilo"), status: "dismissed" }),
    warning("ilo-undp", { a: side("A3", "ilo"), b: side("A4", "undp") }),
  ];

  it("keeps everything without a filter", () => {
    expect(filterWarnings(list, NO_FILTER)).toHaveLength(3);
  });

  it("keeps warnings where the organisation leads either side", () => {
    const ids = filterWarnings(list, { status: "all", organisationId: "iom" }).map((w) => w.id);
    expect(ids).toEqual(["unicef-iom", "ilo-iom"]);
  });

  it("combines status and organisation", () => {
    const ids = filterWarnings(list, { status: "open", organisationId: "ilo" }).map((w) => w.id);
    expect(ids).toEqual(["ilo-undp"]);
  });

  it("offers each lead organisation once, alphabetically, for the filter", () => {
    expect(leadOrganisations(list).map((o) => o.label)).toEqual(["ILO", "IOM", "UNDP", "UNICEF"]);
  });
});

describe("groupByActivity", () => {
  it("lists a warning under each of its activities that belong to the workplan", () => {
    const inside = warning("inside");
    const across = warning("across", { b: side("B7", "scmi", "wp-2") });
    const groups = groupByActivity([inside, across], "wp-1");
    expect(groups.get("A1")?.map((w) => w.id)).toEqual(["inside", "across"]);
    expect(groups.get("A2")?.map((w) => w.id)).toEqual(["inside"]);
    expect(groups.has("B7")).toBe(false);
  });

  it("names the other activity from either side", () => {
    const across = warning("across", { b: side("B7", "scmi", "wp-2") });
    expect(otherSide(across, "wp-1", "A1").activityId).toBe("B7");
    expect(otherSide(across, "wp-2", "B7").activityId).toBe("A1");
  });

  it("links to the activity inside its workplan", () => {
    expect(activityHref(side("A19", "unicef"))).toBe("/workplans/wp-1#activity-A19");
  });
});

describe("describeDecision", () => {
  const names = new Map([["u1", "Tamar Kapanadze"]]);
  const nameOf = (id: string) => names.get(id);

  it("says who decided what and when", () => {
    const dismissed = warning("d", {
      status: "dismissed",
      decidedBy: "u1",
      decidedAt: "2025-03-03T12:00:00.000Z",
    });
    expect(describeDecision(dismissed, nameOf, t)).toBe(
      "Marked not a duplicate by Tamar Kapanadze on 3 Mar 2025",
    );
    expect(describeDecision({ ...dismissed, status: "coordinate" }, nameOf, t)).toBe(
      "Marked to coordinate by Tamar Kapanadze on 3 Mar 2025",
    );
    const es = createTranslate("es", "warnings", spanish);
    expect(describeDecision(dismissed, nameOf, es)).toBe(
      "Marcada como no duplicada por Tamar Kapanadze el 3 mar 2025",
    );
  });

  it("stays readable when the person has left the network", () => {
    const dismissed = warning("d", { status: "dismissed", decidedBy: "gone", decidedAt: null });
    expect(describeDecision(dismissed, nameOf, t)).toBe(
      "Marked not a duplicate by a former member",
    );
    expect(describeDecision({ ...dismissed, decidedBy: null }, nameOf, t)).toBe(
      "Marked not a duplicate",
    );
  });

  it("says nothing while the warning is open", () => {
    expect(describeDecision(warning("o"), nameOf, t)).toBeNull();
  });
});

describe("reasonKind", () => {
  it("tells the reasons that speak against a duplicate from those for it", () => {
    expect(reasonKind("same place: Tbilisi")).toBe("for");
    expect(reasonKind("different lead organisations: IOM and UNICEF")).toBe("for");
    expect(reasonKind("different places: Batumi vs Kutaisi")).toBe("against");
    expect(reasonKind("periods do not overlap: 2022 vs 2024")).toBe("against");
    expect(reasonKind("different kinds of work: training vs a study")).toBe("against");
  });
});

describe("coordination task", () => {
  it("is titled after both activities", () => {
    expect(coordinationTaskTitle(warning("w"), t)).toBe("Coordinate: Activity A1 / Activity A2");
  });

  it("is offered to editors and coordinators of the side's lead organisation only", () => {
    const members = [
      member("b", "unicef", "editor"),
      member("a", "unicef", "coordinator"),
      member("c", "unicef", "commenter"),
      member("d", "iom", "editor"),
    ];
    expect(assigneesFor(side("A1", "unicef"), members).map((m) => m.userId)).toEqual(["a", "b"]);
    expect(assigneesFor(side("A9", null), members)).toEqual([]);
  });

  it("shortens long titles at a word", () => {
    expect(truncate("Border Police capacity development", 20)).toBe("Border Police…");
    expect(truncate("Short", 20)).toBe("Short");
  });

  it("is due a set number of days ahead, across a month's end", () => {
    expect(dayAfter(new Date(2025, 0, 25), 14)).toBe("2025-02-08");
  });
});

describe("an activity's warning marker", () => {
  it("counts its possible duplicates with the plural forms of the reader's language", () => {
    expect(t("possibleDuplicates", { count: 1 })).toBe("1 possible duplicate");
    expect(t("possibleDuplicates", { count: 2 })).toBe("2 possible duplicates");
    const ru = createTranslate("ru", "warnings", russian);
    const forms = [1, 3, 5, 21].map((count) => ru("possibleDuplicates", { count }));
    expect(new Set(forms.map((form) => form.split(" ").slice(1).join(" "))).size).toBe(3);
  });
});

describe("a workplan's warnings kept current from change events", () => {
  const pair = (id: string, a: string, b: string, score = 0.7) =>
    warning(id, { a: side(a, "unicef"), b: side(b, "iom", "wp-2"), score });

  it("fetches just the activities of this workplan that an event names", () => {
    const event = {
      networkId: "net",
      workplanIds: ["wp-1", "wp-2"],
      activities: [
        { workplanId: "wp-1", activityId: "A1" },
        { workplanId: "wp-2", activityId: "B1" },
        { workplanId: "wp-1", activityId: "A1" },
      ],
    };
    expect(changedActivityIds(event, "wp-1")).toEqual(["A1"]);
    expect(changedActivityIds(event, "wp-3")).toEqual([]);
  });

  it("reloads everything when an event does not say which activities changed", () => {
    expect(changedActivityIds({ networkId: "net", workplanIds: ["wp-1"] }, "wp-1")).toBeNull();
    // a reconnect: anything may have changed
    const reconnect = { networkId: "net", workplanIds: [], activities: [] };
    expect(changedActivityIds(reconnect, "wp-1")).toBeNull();
    const many = Array.from({ length: 101 }, (_, i) => ({
      workplanId: "wp-1",
      activityId: `A${i}`,
    }));
    expect(
      changedActivityIds({ ...reconnect, workplanIds: ["wp-1"], activities: many }, "wp-1"),
    ).toBeNull();
  });

  it("replaces the warnings of the changed activities and keeps the others", () => {
    const current = [pair("w1", "A1", "B1"), pair("w2", "A2", "B2"), pair("w3", "A1", "B3")];
    // A1 now matches B1 more strongly, and no longer B3; a new match with B4 appeared
    const fresh = [pair("w1", "A1", "B1", 0.9), pair("w4", "A1", "B4")];
    const patched = patchWarnings(current, fresh, "wp-1", ["A1"]);
    const grouped = groupByActivity(patched, "wp-1");
    expect(grouped.get("A1")?.map((w) => [w.id, w.score])).toEqual([
      ["w1", 0.9],
      ["w4", 0.7],
    ]);
    expect(grouped.get("A2")?.[0]).toBe(current[1]);
    expect(patched.map((w) => w.id).sort()).toEqual(["w1", "w2", "w4"]);
  });

  it("clears the warnings of an activity that has none left", () => {
    const current = [pair("w1", "A1", "B1"), pair("w2", "A2", "B2")];
    const patched = patchWarnings(current, [], "wp-1", ["A2"]);
    expect(groupByActivity(patched, "wp-1").has("A2")).toBe(false);
    expect(patched).toEqual([current[0]]);
  });
});
