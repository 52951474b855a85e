import type { Activity, OwnerView, ThreadView, WarningView } from "@junction/domain";
import type { Editor } from "@tiptap/core";
import { useEffect, useLayoutEffect } from "react";
import { threadActivityId } from "./comments";
import type { ActivityLive } from "./editor-context";

/**
 * Feeds the cards' keyed stores: warnings, owners and open-comment counts by activity. Cards read
 * their own slice, so a refreshed list re-renders only the cards whose data changed.
 */
export function useLiveActivityData(
  live: ActivityLive,
  editor: Editor | null,
  data: {
    warnings: ReadonlyMap<string, readonly WarningView[]>;
    owners: ReadonlyMap<string, readonly OwnerView[]>;
    threads: readonly ThreadView[];
    activities: readonly Activity[];
  },
): void {
  const { warnings, owners, threads, activities } = data;
  useLayoutEffect(() => live.warnings.replaceAll(warnings), [live, warnings]);
  useLayoutEffect(() => live.owners.replaceAll(owners), [live, owners]);
  useEffect(() => {
    // recounted when threads or the document change (text may have moved between cards)
    void activities;
    const counts = new Map<string, number>();
    for (const thread of threads) {
      if (thread.status !== "open") continue;
      const activityId = editor ? threadActivityId(editor.state, thread) : thread.activityId;
      if (activityId) counts.set(activityId, (counts.get(activityId) ?? 0) + 1);
    }
    live.commentCounts.replaceAll(counts);
  }, [live, editor, threads, activities]);
}
