import type { CommentView, Me, MyWork, WarningSide, WarningView } from "@junction/domain";
import type { Translate } from "../../i18n";

type OwnedActivity = MyWork["activities"][number];
type MyThread = MyWork["threads"][number];

export type WorkplanGroup = {
  workplanId: string;
  workplanTitle: string;
  activities: OwnedActivity[];
};

/** Owned activities under their workplan, workplans and activities in title order. */
export function groupByWorkplan(activities: readonly OwnedActivity[]): WorkplanGroup[] {
  const groups = new Map<string, WorkplanGroup>();
  for (const activity of activities) {
    const group = groups.get(activity.workplanId) ?? {
      workplanId: activity.workplanId,
      workplanTitle: activity.workplanTitle,
      activities: [],
    };
    group.activities.push(activity);
    groups.set(activity.workplanId, group);
  }
  const byTitle = (a: string, b: string) => a.localeCompare(b, "en", { sensitivity: "base" });
  return [...groups.values()]
    .map((group) => ({
      ...group,
      activities: [...group.activities].sort((a, b) => byTitle(a.title, b.title)),
    }))
    .sort((a, b) => byTitle(a.workplanTitle, b.workplanTitle));
}

/** Why a thread is on My work, as a person says it. */
export function threadReasonLabel(reasons: MyThread["reasons"], t: Translate<"my-work">): string {
  const mentioned = reasons.includes("mentioned");
  const awaiting = reasons.includes("awaiting-reply");
  if (mentioned && awaiting) return t("reason.both");
  if (awaiting) return t("reason.awaiting");
  return t("reason.mentioned");
}

/** The newest message still there to read (deleted ones show nothing worth quoting). */
export function lastMessage(comments: readonly CommentView[]): CommentView | null {
  for (let index = comments.length - 1; index >= 0; index--) {
    const comment = comments[index];
    if (comment && !comment.deleted) return comment;
  }
  return null;
}

/** Threads awaiting a reply first, then the most recently active. */
export function sortThreads<T extends Pick<MyThread, "reasons" | "lastActivityAt">>(
  threads: readonly T[],
): T[] {
  const awaiting = (thread: T) => (thread.reasons.includes("awaiting-reply") ? 0 : 1);
  return [...threads].sort(
    (a, b) => awaiting(a) - awaiting(b) || b.lastActivityAt.localeCompare(a.lastActivityAt),
  );
}

/**
 * Threads still waiting for something, and those resolved since: a resolved thread asks nothing
 * of anyone any more, so it leaves "Threads for you" for a group of its own.
 */
export function splitResolved<T extends Pick<MyThread, "status">>(
  threads: readonly T[],
): { open: T[]; resolved: T[] } {
  return {
    open: threads.filter((thread) => thread.status !== "resolved"),
    resolved: threads.filter((thread) => thread.status === "resolved"),
  };
}

/** The side(s) of a warning led by one of my organisations, first; the other side after. */
export function mySidesFirst(warning: WarningView, me: Me): [WarningSide, WarningSide] {
  const mine = new Set(me.memberships.map((m) => m.organisationId));
  const isMine = (side: WarningSide) => side.leadId !== null && mine.has(side.leadId);
  return !isMine(warning.a) && isMine(warning.b) ? [warning.b, warning.a] : [warning.a, warning.b];
}

type WarningCount = NonNullable<MyWork["warningCounts"]>[number];

/** Open warnings in all: the server's counts, or the list itself from a server that sends none. */
export function totalOpenWarnings(listed: number, counts: readonly WarningCount[]): number {
  return counts.length === 0 ? listed : counts.reduce((sum, count) => sum + count.open, 0);
}

/** Per network where My work lists only the strongest few: how many, and where to see the rest. */
export function moreWarnings(
  warnings: MyWork["warnings"],
  counts: readonly WarningCount[],
): { networkId: string; shown: number; open: number; to: string }[] {
  return counts.flatMap((count) => {
    const shown = warnings.filter((w) => w.networkId === count.networkId).length;
    if (count.open <= shown) return [];
    const query = new URLSearchParams({ status: "open", organisation: count.organisationId });
    return [
      {
        networkId: count.networkId,
        shown,
        open: count.open,
        to: `/networks/${encodeURIComponent(count.networkId)}/warnings?${query}`,
      },
    ];
  });
}
