import type { Activity } from "@junction/domain";
import { useEffect, useRef } from "react";
import { useLocation } from "../app/router";

const ACTIVITY_HASH = /^#activity-(.+)$/;
const THREAD_HASH = /^#thread-(.+)$/;

function activityIdFromHash(hash: string): string | null {
  const match = ACTIVITY_HASH.exec(hash);
  if (!match?.[1]) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}

/** A deep link's activity (`#activity-A14`), once it is in the document and on screen. */
export function useJumpToLinkedActivity(
  activities: readonly Activity[],
  jumpTo: (activityId: string) => boolean,
): void {
  const { hash } = useLocation();
  const handled = useRef<string | null>(null);
  const target = activityIdFromHash(hash);
  const present = target !== null && activities.some((a) => a.id === target);
  useEffect(() => {
    if (target === null) handled.current = null;
    if (target === null || !present || handled.current === hash) return;
    let frame = 0;
    let attempts = 0;
    // node views mount in portals a frame or two after the document has the block
    const attempt = () => {
      if (jumpTo(target)) handled.current = hash;
      else if (++attempts < 60) frame = requestAnimationFrame(attempt);
    };
    frame = requestAnimationFrame(attempt);
    return () => cancelAnimationFrame(frame);
  }, [hash, target, present, jumpTo]);
}

/** A deep link's thread (`#thread-…`, how a task leads back to it) opens in the panel. */
export function useOpenLinkedThread(open: (threadId: string) => void): void {
  const { hash } = useLocation();
  useEffect(() => {
    const match = THREAD_HASH.exec(hash);
    if (!match?.[1]) return;
    try {
      open(decodeURIComponent(match[1]));
    } catch {
      // a malformed link opens nothing
    }
  }, [hash, open]);
}
