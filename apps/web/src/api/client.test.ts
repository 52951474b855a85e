import { describe, expect, it } from "vitest";
import { nextPageUrl, withQuery } from "./client";

describe("following a collection's pages", () => {
  it("reads the next page from a Link header, on this origin", () => {
    expect(
      nextPageUrl(
        '<http://127.0.0.1:8787/api/networks/n1/warnings?limit=50&cursor=WzAsMC45XQ>; rel="next"',
      ),
    ).toBe("/api/networks/n1/warnings?limit=50&cursor=WzAsMC45XQ");
    expect(
      nextPageUrl('</api/tasks?cursor=abc>; rel="prev", </api/tasks?cursor=def>; rel="next"'),
    ).toBe("/api/tasks?cursor=def");
  });

  it("knows the last page: no header, or no rel=next in it", () => {
    expect(nextPageUrl(null)).toBeNull();
    expect(nextPageUrl('</api/tasks?cursor=abc>; rel="prev"')).toBeNull();
  });

  it("adds filters to a path and leaves out the empty ones", () => {
    expect(
      withQuery("/api/networks/n1/warnings", { status: "open", organisation: "", limit: 50 }),
    ).toBe("/api/networks/n1/warnings?status=open&limit=50");
    expect(withQuery("/api/notifications?limit=30", { limit: 500 })).toBe(
      "/api/notifications?limit=500",
    );
    expect(withQuery("/api/tokens", {})).toBe("/api/tokens");
  });
});
