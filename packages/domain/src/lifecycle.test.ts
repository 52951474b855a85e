import { describe, expect, it } from "vitest";
import { checkStageMove, earlierStages, nextStage } from "./lifecycle";
import { STAGES } from "./schemas";

describe("the stage rule", () => {
  it("moves forward one stage at a time, without a reason", () => {
    expect(checkStageMove("draft", "consultation", null)).toEqual({
      ok: true,
      direction: "forward",
    });
    expect(checkStageMove("consultation", "validation", null)).toMatchObject({ ok: true });
    expect(checkStageMove("validation", "adopted", null)).toMatchObject({ ok: true });
    expect(STAGES.map(nextStage)).toEqual(["consultation", "validation", "adopted", null]);
  });

  it("refuses to skip a stage, naming the next one", () => {
    const skip = checkStageMove("draft", "validation", "in a hurry");
    expect(skip).toMatchObject({ ok: false, problem: "skips-a-stage" });
    expect(skip.ok ? "" : skip.message).toContain("the next stage is consultation");
    expect(checkStageMove("draft", "adopted", null)).toMatchObject({ problem: "skips-a-stage" });
  });

  it("goes back to any earlier stage only with a reason that is not blank", () => {
    expect(checkStageMove("validation", "draft", null)).toMatchObject({
      ok: false,
      problem: "reason-required",
    });
    expect(checkStageMove("validation", "consultation", "   ")).toMatchObject({
      problem: "reason-required",
    });
    expect(checkStageMove("validation", "draft", "UNHCR asked for a new section")).toEqual({
      ok: true,
      direction: "back",
    });
  });

  it("keeps an adopted workplan adopted and refuses a move to the stage it is in", () => {
    expect(checkStageMove("adopted", "validation", "a typo")).toMatchObject({
      problem: "adopted-is-final",
    });
    expect(checkStageMove("draft", "draft", null)).toMatchObject({ problem: "same-stage" });
    expect(earlierStages("validation")).toEqual(["draft", "consultation"]);
    expect(earlierStages("adopted")).toEqual([]);
  });
});
