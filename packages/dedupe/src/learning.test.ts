import { describe, expect, it } from "vitest";
import { adaptModel } from "./learning";
import { logistic, type ScoringModel } from "./model";

// one signal, weight 1 and no bias: a pair's evidence in log-odds is its signal; the bar is 0
const model: ScoringModel = {
  features: ["signal"],
  weights: [1],
  bias: 0,
  threshold: 0.5,
  strongThreshold: 0.9,
};
const dismissed = (evidence: number) => ({ features: [evidence], isDuplicate: false });
const confirmed = (evidence: number) => ({ features: [evidence], isDuplicate: true });

describe("a network's bar after its coordinators' decisions", () => {
  it("stays where it is after one dismissal", () => {
    expect(adaptModel(model, [dismissed(0.5)]).threshold).toBe(0.5);
  });

  it("rises once two or more agree, silencing only what two of them outscore", () => {
    const adapted = adaptModel(model, [dismissed(0.3), dismissed(0.6), confirmed(2)]);
    expect(adapted.threshold).toBeCloseTo(logistic(0.31), 6);
    const three = adaptModel(model, [dismissed(0.2), dismissed(0.9), dismissed(0.4)]);
    expect(three.threshold).toBeCloseTo(logistic(0.41), 6);
  });

  it("rises by at most half a unit of log-odds, however many are dismissed", () => {
    const adapted = adaptModel(model, [dismissed(2), dismissed(3), dismissed(4)]);
    expect(adapted.threshold).toBeCloseTo(logistic(0.5), 6);
  });

  it("never rises past a warning the coordinators confirmed", () => {
    // the dismissal above the confirmed pair is that pair's own business, not the bar's
    expect(adaptModel(model, [dismissed(0.3), dismissed(0.6), confirmed(0.5)]).threshold).toBe(0.5);
    const adapted = adaptModel(model, [dismissed(0.3), dismissed(0.4), confirmed(0.5)]);
    expect(adapted.threshold).toBeCloseTo(logistic(0.25), 6);
  });

  it("keeps the stricter bar for pairs without a lead as it was", () => {
    expect(adaptModel(model, [dismissed(0.3), dismissed(0.6)]).strongThreshold).toBe(0.9);
  });
});
