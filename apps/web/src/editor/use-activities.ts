import type { Activity } from "@junction/domain";
import { readActivities } from "@junction/domain/doc";
import { useEffect, useState } from "react";
import type * as Y from "yjs";

/** Activities keep their identity while unchanged, so list rows can skip re-rendering. */
function reuseUnchanged(previous: readonly Activity[], next: Activity[]): Activity[] {
  const byId = new Map(previous.map((activity) => [activity.id, activity]));
  let same = previous.length === next.length;
  const result = next.map((activity, index) => {
    const old = byId.get(activity.id);
    const kept = old && JSON.stringify(old) === JSON.stringify(activity) ? old : activity;
    if (kept !== previous[index]) same = false;
    return kept;
  });
  return same ? (previous as Activity[]) : result;
}

/** The document's activities, re-read a few times a second at most while people type. */
export function useActivities(ydoc: Y.Doc): Activity[] {
  const [activities, setActivities] = useState<Activity[]>(() => readActivities(ydoc));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer !== null) return;
      // typing produces an update per key: read the document at most a few times a second
      timer = setTimeout(() => {
        timer = null;
        setActivities((previous) => reuseUnchanged(previous, readActivities(ydoc)));
      }, 300);
    };
    setActivities((previous) => reuseUnchanged(previous, readActivities(ydoc)));
    ydoc.on("update", refresh);
    return () => {
      ydoc.off("update", refresh);
      if (timer !== null) clearTimeout(timer);
    };
  }, [ydoc]);
  return activities;
}
