import { describe, expect, it } from "vitest";
import { STAGES } from "./schemas";
import { documentRole, isWorkplanFrozen, workplanFreeze } from "./workplan-freeze";

describe("the frozen-workplan rule", () => {
  it("freezes adopted and archived workplans, and nothing else", () => {
    const frozen = STAGES.flatMap((stage) =>
      [false, true]
        .filter((archived) => isWorkplanFrozen({ stage, archived }))
        .map((archived) => `${stage}${archived ? " (archived)" : ""}`),
    );
    expect(frozen).toEqual([
      "draft (archived)",
      "consultation (archived)",
      "validation (archived)",
      "adopted",
      "adopted (archived)",
    ]);
  });

  it("names archiving first: unarchiving is what a coordinator can do about it", () => {
    expect(workplanFreeze({ stage: "adopted", archived: true })).toBe("archived");
    expect(workplanFreeze({ stage: "adopted", archived: false })).toBe("adopted");
    expect(workplanFreeze({ stage: "draft", archived: false })).toBeNull();
  });

  it("makes every role a viewer of a frozen workplan's document", () => {
    expect(documentRole("coordinator", { stage: "adopted", archived: false })).toBe("viewer");
    expect(documentRole("editor", { stage: "draft", archived: true })).toBe("viewer");
    expect(documentRole("editor", { stage: "consultation", archived: false })).toBe("editor");
  });
});
