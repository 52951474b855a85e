import type { Activity } from "@junction/domain";
import {
  ACTIVITY_NODE,
  activityElements,
  NARRATIVE_FIELD,
  readActivities,
  readActivityElement,
} from "@junction/domain/doc";
import { useEffect, useState } from "react";
import * as Y from "yjs";

/** The activity block a change happened in (its title, description or attributes); null if none. */
function blockOf(type: Y.AbstractType<unknown> | null): Y.XmlElement | null {
  for (let at = type; at; at = at.parent) {
    if (at instanceof Y.XmlElement && at.nodeName === ACTIVITY_NODE) return at;
  }
  return null;
}

/**
 * Reads the document's activities, each block again only after it changed: typing in one card of
 * a plan of hundreds re-reads one. Activities keep their identity while unchanged, so list rows
 * can skip re-rendering, and the list keeps its own while none changed.
 */
export function createActivityReader(ydoc: Y.Doc): {
  read: (previous: Activity[]) => Activity[];
  destroy: () => void;
} {
  const fragment = ydoc.getXmlFragment(NARRATIVE_FIELD);
  const cache = new WeakMap<Y.XmlElement, Activity>();
  const observer = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      const block = blockOf(event.target);
      if (block) cache.delete(block);
    }
  };
  fragment.observeDeep(observer);
  const read = (previous: Activity[]): Activity[] => {
    const byId = new Map(previous.map((activity) => [activity.id, activity]));
    const next: Activity[] = [];
    for (const element of activityElements(ydoc)) {
      let activity = cache.get(element);
      if (!activity) {
        const fresh = readActivityElement(element);
        const old = byId.get(fresh.id);
        activity = old && JSON.stringify(old) === JSON.stringify(fresh) ? old : fresh;
        cache.set(element, activity);
      }
      if (activity.id !== "") next.push(activity);
    }
    const same = next.length === previous.length && next.every((a, i) => a === previous[i]);
    return same ? previous : next;
  };
  return { read, destroy: () => fragment.unobserveDeep(observer) };
}

/** The document's activities, re-read a few times a second at most while people type. */
export function useActivities(ydoc: Y.Doc): Activity[] {
  const [activities, setActivities] = useState<Activity[]>(() => readActivities(ydoc));
  useEffect(() => {
    const reader = createActivityReader(ydoc);
    let timer: ReturnType<typeof setTimeout> | null = null;
    const refresh = () => {
      if (timer !== null) return;
      // typing produces an update per key: read the document at most a few times a second
      timer = setTimeout(() => {
        timer = null;
        setActivities(reader.read);
      }, 300);
    };
    setActivities(reader.read);
    ydoc.on("update", refresh);
    return () => {
      ydoc.off("update", refresh);
      reader.destroy();
      if (timer !== null) clearTimeout(timer);
    };
  }, [ydoc]);
  return activities;
}
