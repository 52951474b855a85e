import type { ChangeAuthor, NarrativeChange } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n";
import messages from "../../i18n/locales/en/history.json";
import fr from "../../i18n/locales/fr/history.json";
import {
  fieldRows,
  formatAuthors,
  formatBudget,
  inlineDiff,
  narrativePassages,
} from "./history-logic";

const eka: ChangeAuthor = {
  userId: "u-eka",
  name: "Eka Lomidze",
  organisationId: "unicef",
  organisation: "UNICEF",
};

function op(
  kind: "added" | "removed",
  text: string,
  context: string,
  changedBy: ChangeAuthor[] = [],
): NarrativeChange {
  return { op: kind, text, context, changedBy };
}

function render(segments: { text: string; mark: string }[]): string {
  return segments
    .map((s) =>
      s.mark === "added" ? `[+${s.text}]` : s.mark === "removed" ? `[-${s.text}]` : s.text,
    )
    .join("");
}

describe("inlineDiff", () => {
  it("marks replaced words inside the unchanged text", () => {
    expect(render(inlineDiff("Support returning migrants", "Support all returning migrants"))).toBe(
      "Support [+all ]returning migrants",
    );
    expect(render(inlineDiff("the quick fox", "a slow fox"))).toBe("[-the quick][+a slow] fox");
  });
});

describe("narrativePassages", () => {
  it("shows an edited passage once, with its removed and added words marked", () => {
    const before = "The network meets every quarter in Tbilisi.";
    const after = "The network meets every month in Tbilisi and Batumi.";
    const passages = narrativePassages([
      op("removed", "quarter", before),
      op("added", "month", after, [eka]),
      op("added", "and Batumi", after, [eka]),
    ]);
    expect(passages).toHaveLength(1);
    expect(passages[0]?.kind).toBe("edited");
    expect(render(passages[0]?.segments ?? [])).toBe(
      "The network meets every [-quarter][+month] in Tbilisi[+ and Batumi].",
    );
    expect(passages[0]?.authors).toEqual([eka]);
  });

  it("keeps whole passages added or removed apart from edited ones", () => {
    const passages = narrativePassages([
      op("removed", "An old paragraph.", "An old paragraph."),
      op("added", "A new paragraph.", "A new paragraph.", [eka]),
    ]);
    expect(passages.map((p) => p.kind)).toEqual(["removed", "added"]);
    expect(passages[1]?.authors).toEqual([eka]);
  });

  it("marks words removed from a passage when nothing was added to it", () => {
    const before = "Training for border officials and judges.";
    const passages = narrativePassages([op("removed", "and judges", before)]);
    expect(render(passages[0]?.segments ?? [])).toBe(
      "Training for border officials [-and judges].",
    );
  });

  it("does not merge two unrelated edited passages", () => {
    const passages = narrativePassages([
      op("removed", "quarter", "The network meets every quarter in Tbilisi."),
      op("added", "UNICEF", "Child protection is led by UNICEF with the ministry."),
    ]);
    expect(passages).toHaveLength(2);
  });
});

const t = createTranslate("en", "history", messages);

describe("fieldRows", () => {
  const organisations = { iom: "IOM", unicef: "UNICEF", ilo: "ILO" };

  it("reads each changed field as a person would, in the form's order", () => {
    const rows = fieldRows(
      t,
      {
        fields: {
          status: { from: "planned", to: "ongoing" },
          lead: { from: "iom", to: "unicef" },
          partners: { from: ["ilo"], to: ["ilo", "iom"] },
          title: { from: "Reintegration support", to: "Reintegration support for children" },
          start: { from: "2024-01", to: null },
        },
        fieldsChangedBy: { lead: [eka] },
      },
      organisations,
    );
    expect(rows.map((row) => row.label)).toEqual([
      "Title",
      "Lead organisation",
      "Partners",
      "Start",
      "Status",
    ]);
    expect(rows[1]).toMatchObject({ kind: "value", from: "IOM", to: "UNICEF", authors: [eka] });
    expect(rows[2]).toMatchObject({ kind: "list", added: ["IOM"], removed: [] });
    expect(rows[3]).toMatchObject({ kind: "value", from: "January 2024", to: "none" });
    expect(rows[4]).toMatchObject({ kind: "value", from: "Planned", to: "Ongoing" });
    const title = rows[0];
    expect(title?.kind === "text" ? render(title.segments) : "").toBe(
      "Reintegration support[+ for children]",
    );
  });

  it("lists indicators and objectives by what they say", () => {
    const rows = fieldRows(
      t,
      {
        fields: {
          gcmObjectives: { from: [], to: [7] },
          indicators: {
            from: [],
            to: [{ name: "People reached", baseline: "0", target: "500", meansOfVerification: "" }],
          },
        },
        fieldsChangedBy: {},
      },
      organisations,
    );
    expect(rows[0]).toMatchObject({ kind: "list", added: [expect.stringMatching(/^7\. /)] });
    expect(rows[1]).toMatchObject({ kind: "list", added: ["People reached: 0 → 500"] });
  });
});

describe("formatting", () => {
  it("writes a budget with its currency, source and whether it is secured", () => {
    expect(
      formatBudget(t, {
        amount: 120000,
        currency: "USD",
        source: "Migration MPTF",
        secured: true,
      }),
    ).toBe("US$120,000 (Migration MPTF, secured)");
    expect(formatBudget(t, null)).toBe("none");
  });

  it("reads a change in French: field names, status, month and principle", () => {
    const tf = createTranslate("fr", "history", fr);
    const rows = fieldRows(
      tf,
      {
        fields: {
          status: { from: "planned", to: "ongoing" },
          start: { from: "2024-01", to: null },
          principles: { from: [], to: ["people-centred"] },
        },
        fieldsChangedBy: {},
      },
      {},
    );
    expect(rows.map((row) => row.label)).toEqual(["Principes directeurs", "Début", "Statut"]);
    expect(rows[0]).toMatchObject({ added: ["Priorité à la dimension humaine"] });
    expect(rows[1]).toMatchObject({ from: "janvier 2024", to: "none" });
    expect(rows[2]).toMatchObject({ from: "Prévue", to: "En cours" });
  });

  it("names who made a change with their organisation", () => {
    expect(formatAuthors([eka, { ...eka, userId: "x", name: "Nobody", organisation: "" }])).toBe(
      "Eka Lomidze (UNICEF), Nobody",
    );
  });
});
