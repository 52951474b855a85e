import { describe, expect, it } from "vitest";
import { diffSequences, diffWords, wordSimilarity } from "./sequence-diff";

function apply<K>(a: readonly K[], b: readonly K[], steps: ReturnType<typeof diffSequences>): K[] {
  return steps.flatMap((step) =>
    step.kind === "removed"
      ? []
      : step.kind === "added"
        ? [b[step.bIndex] as K]
        : [a[step.aIndex] as K],
  );
}

describe("diffing sequences", () => {
  it("keeps the longest common subsequence and rebuilds the second sequence", () => {
    const a = ["intro", "context", "goals", "budget", "annex"];
    const b = ["intro", "goals", "risks", "budget", "annex", "contacts"];
    const steps = diffSequences(a, b);
    expect(apply(a, b, steps)).toEqual(b);
    expect(steps.filter((s) => s.kind === "equal")).toHaveLength(4);
  });

  it("stays correct when the changed middle is too large to compare cell by cell", () => {
    const a = ["x", "1", "2", "3", "y"];
    const b = ["x", "3", "2", "1", "y"];
    const steps = diffSequences(a, b, 2);
    expect(apply(a, b, steps)).toEqual(b);
  });
});

describe("diffing words", () => {
  it("joins changes separated by white space only", () => {
    const a = "the quick brown fox";
    const b = "a slow brown fox";
    const [change, ...rest] = diffWords(a, b);
    expect(rest).toEqual([]);
    expect(a.slice(change?.aStart, change?.aEnd)).toBe("the quick");
    expect(b.slice(change?.bStart, change?.bEnd)).toBe("a slow");
  });

  it("finds an added sentence and a removed word apart", () => {
    const a = "Train border police. Report yearly.";
    const b = "Train police. Report yearly. Publish the findings.";
    const changes = diffWords(a, b).map((c) => [
      a.slice(c.aStart, c.aEnd),
      b.slice(c.bStart, c.bEnd),
    ]);
    expect(changes).toEqual([
      ["border ", ""],
      ["", " Publish the findings."],
    ]);
  });

  it("measures shared words regardless of case", () => {
    expect(wordSimilarity("Train Border police", "train border police")).toBe(1);
    expect(wordSimilarity("one two", "three four")).toBe(0);
  });
});
