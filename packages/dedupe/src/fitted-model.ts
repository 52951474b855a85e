// Written by scripts/fit.ts: do not edit by hand. L2-regularised logistic regression (lambda
// 10, chosen by leave-one-network-out log-loss) on 441 scorable labelled pairs of
// 9 networks: Georgia, Kyrgyzstan, Tajikistan, Horn of Africa, Bangladesh, Moldova, Senegal, Ecuador, Nepal.
// Thresholds chosen on leave-one-network-out scores.
// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted numbers, not constants
import type { ScoringModel } from "./model";

export const FITTED_MODEL: ScoringModel = {
  features: [
    "cosine",
    "containment",
    "titleCosine",
    "gramCosine",
    "gramAcross",
    "conceptOverlap",
    "topicOverlap",
    "logText",
    "sharedWork",
    "workMismatch",
    "titleMismatch",
    "placeSame",
    "placeMentioned",
    "placeSameCountry",
    "placeCovers",
    "overlapShare",
    "periodUnknown",
    "groupsShared",
    "gcmShared",
    "gcmDisjoint",
    "partnersShared",
    "budgetLogRatio",
    "budgetUnknown",
  ],
  weights: [
    1.7197, // cosine
    0.8342, // containment
    1.1673, // titleCosine
    2.2719, // gramCosine
    8.7847, // gramAcross
    0.9935, // conceptOverlap
    0.2134, // topicOverlap
    0.4357, // logText
    0.4538, // sharedWork
    -0.9239, // workMismatch
    -1.019, // titleMismatch
    0.7432, // placeSame
    1.6606, // placeMentioned
    0.3277, // placeSameCountry
    -0.7951, // placeCovers
    0.1038, // overlapShare
    -0.246, // periodUnknown
    0.2793, // groupsShared
    1.3463, // gcmShared
    -1.3463, // gcmDisjoint
    0.194, // partnersShared
    -0.5798, // budgetLogRatio
    -0.2575, // budgetUnknown
  ],
  bias: -2.7389,
  threshold: 0.574,
  strongThreshold: 0.827,
};
