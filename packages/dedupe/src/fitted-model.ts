// Written by scripts/fit.ts: do not edit by hand. L2-regularised logistic regression (lambda
// 10, chosen by leave-one-network-out log-loss) on 449 scorable labelled pairs of
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
    2.0422, // cosine
    0.9543, // containment
    1.6375, // titleCosine
    2.0342, // gramCosine
    8.9315, // gramAcross
    0.9999, // conceptOverlap
    0.3023, // topicOverlap
    0.376, // logText
    0.4648, // sharedWork
    -0.9109, // workMismatch
    -0.9594, // titleMismatch
    0.7404, // placeSame
    1.7628, // placeMentioned
    0.3642, // placeSameCountry
    -0.7806, // placeCovers
    0.0876, // overlapShare
    -0.2804, // periodUnknown
    0.2889, // groupsShared
    1.3164, // gcmShared
    -1.3164, // gcmDisjoint
    0.1714, // partnersShared
    -0.5858, // budgetLogRatio
    -0.2931, // budgetUnknown
  ],
  bias: -3.0482,
  threshold: 0.593,
  strongThreshold: 0.953,
};
