import { useEffect, useRef } from "react";
import { useT } from "../i18n";

/**
 * The end of a paged list: loads the next page when it scrolls into view, and is a button for
 * keyboards, screen readers and browsers without IntersectionObserver.
 */
export function LoadMore({
  hasMore,
  isLoading,
  onLoadMore,
  label,
}: {
  hasMore: boolean;
  isLoading: boolean;
  onLoadMore: () => void;
  label?: string;
}) {
  const t = useT("common");
  const ref = useRef<HTMLButtonElement>(null);
  const loadRef = useRef(onLoadMore);
  loadRef.current = onLoadMore;
  useEffect(() => {
    const button = ref.current;
    if (!button || !hasMore || typeof IntersectionObserver === "undefined") return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) loadRef.current();
    });
    observer.observe(button);
    return () => observer.disconnect();
  }, [hasMore]);
  if (!hasMore) return null;
  return (
    <div className="load-more">
      <button
        ref={ref}
        type="button"
        className="button button-secondary"
        onClick={onLoadMore}
        disabled={isLoading}
        aria-busy={isLoading}
      >
        {isLoading ? t("loading") : (label ?? t("loadMore"))}
      </button>
    </div>
  );
}
