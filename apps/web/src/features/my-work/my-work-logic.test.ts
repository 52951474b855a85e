import type { CommentView, Me, MyWork, WarningSide, WarningView } from "@junction/domain";
import { describe, expect, it } from "vitest";
import { createTranslate } from "../../i18n";
import arabic from "../../i18n/locales/ar/my-work.json";
import english from "../../i18n/locales/en/my-work.json";
import {
  groupByWorkplan,
  lastMessage,
  moreWarnings,
  mySidesFirst,
  sortThreads,
  splitResolved,
  threadReasonLabel,
  totalOpenWarnings,
} from "./my-work-logic";

const t = createTranslate("en", "my-work", english);

type OwnedActivity = MyWork["activities"][number];

function activity(workplanId: string, workplanTitle: string, title: string): OwnedActivity {
  return {
    networkId: "n",
    workplanId,
    workplanTitle,
    activityId: `${workplanId}-${title}`,
    title,
    status: "planned",
  };
}

function comment(id: string, deleted = false): CommentView {
  return {
    id,
    threadId: "th",
    authorId: "u",
    authorName: "Nino",
    body: deleted ? "(deleted)" : `message ${id}`,
    mentions: [],
    createdAt: "2026-11-01T10:00:00.000Z",
    editedAt: null,
    deleted,
    deletedBy: deleted ? "author" : null,
  };
}

describe("groupByWorkplan", () => {
  it("groups owned activities under their workplan, both in title order", () => {
    const groups = groupByWorkplan([
      activity("w2", "Regional plan", "Border monitoring"),
      activity("w1", "Joint workplan 2026", "Shelter referrals"),
      activity("w1", "Joint workplan 2026", "Legal aid clinics"),
    ]);
    expect(groups.map((g) => g.workplanTitle)).toEqual(["Joint workplan 2026", "Regional plan"]);
    expect(groups[0]?.activities.map((a) => a.title)).toEqual([
      "Legal aid clinics",
      "Shelter referrals",
    ]);
  });

  it("gives nothing for nothing", () => {
    expect(groupByWorkplan([])).toEqual([]);
  });
});

describe("threads", () => {
  it("says why a thread is listed", () => {
    expect(threadReasonLabel(["mentioned"], t)).toBe("Mentions you");
    expect(threadReasonLabel(["awaiting-reply"], t)).toBe("Awaiting your reply");
    expect(threadReasonLabel(["mentioned", "awaiting-reply"], t)).toBe(
      "Mentions you · awaiting your reply",
    );
    const ar = createTranslate("ar", "my-work", arabic);
    expect(threadReasonLabel(["awaiting-reply"], ar)).toBe(arabic["reason.awaiting"]);
    expect(threadReasonLabel(["awaiting-reply"], ar)).not.toBe("Awaiting your reply");
  });

  it("quotes the newest message that was not deleted", () => {
    expect(lastMessage([comment("1"), comment("2"), comment("3", true)])?.id).toBe("2");
    expect(lastMessage([comment("1", true)])).toBeNull();
  });

  it("lists threads awaiting a reply first, then the most recent", () => {
    const threads = [
      { id: "old", reasons: ["mentioned" as const], lastActivityAt: "2026-11-01" },
      { id: "new", reasons: ["mentioned" as const], lastActivityAt: "2026-11-05" },
      { id: "reply", reasons: ["awaiting-reply" as const], lastActivityAt: "2026-10-01" },
    ];
    expect(sortThreads(threads).map((t) => t.id)).toEqual(["reply", "new", "old"]);
  });

  it("takes resolved threads out of the threads for you, into their own group", () => {
    const threads = [
      { id: "asks", status: "open" as const },
      { id: "done", status: "resolved" as const },
    ];
    const { open, resolved } = splitResolved(threads);
    expect(open.map((t) => t.id)).toEqual(["asks"]);
    expect(resolved.map((t) => t.id)).toEqual(["done"]);
  });
});

describe("mySidesFirst", () => {
  const side = (leadId: string | null): WarningSide => ({
    workplanId: "w",
    workplanTitle: "Plan",
    activityId: `a-${leadId}`,
    title: "Activity",
    lead: leadId,
    leadId,
  });
  const me: Me = {
    id: "eka",
    email: "eka.lomidze@example.org",
    name: "Eka Lomidze",
    isAdmin: false,
    memberships: [
      {
        networkId: "n",
        networkName: "Network",
        organisationId: "iom",
        organisationName: "International Organization for Migration",
        organisationAcronym: "IOM",
        role: "editor",
      },
    ],
  };
  const warning = (a: string | null, b: string | null): WarningView => ({
    id: "w",
    networkId: "n",
    score: 0.8,
    reasons: [],
    status: "open",
    a: side(a),
    b: side(b),
    decidedBy: null,
    decidedByName: null,
    decidedAt: null,
    createdAt: "2026-11-01T10:00:00.000Z",
    updatedAt: "2026-11-01T10:00:00.000Z",
  });

  it("puts the activity my organisation leads first", () => {
    expect(mySidesFirst(warning("unhcr", "iom"), me).map((s) => s.leadId)).toEqual([
      "iom",
      "unhcr",
    ]);
    expect(mySidesFirst(warning("iom", "unhcr"), me).map((s) => s.leadId)).toEqual([
      "iom",
      "unhcr",
    ]);
  });
});

describe("warnings My work cuts short", () => {
  const counts = [
    { networkId: "n1", organisationId: "org-1", open: 45 },
    { networkId: "n2", organisationId: "org 2", open: 1 },
  ];
  const listed = (networkId: string, n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `${networkId}-${i}`, networkId }) as WarningView);

  it("counts every open warning, not only the listed ones", () => {
    expect(totalOpenWarnings(21, counts)).toBe(46);
    expect(totalOpenWarnings(3, [])).toBe(3);
  });

  it("links to the rest on the network's Warnings page, filtered to the organisation", () => {
    const warnings = [...listed("n1", 20), ...listed("n2", 1)];
    expect(moreWarnings(warnings, counts)).toEqual([
      {
        networkId: "n1",
        shown: 20,
        open: 45,
        to: "/networks/n1/warnings?status=open&organisation=org-1",
      },
    ]);
  });
});
