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
    1.7166, // cosine
    0.8338, // containment
    1.1647, // titleCosine
    2.2746, // gramCosine
    8.7743, // gramAcross
    0.9927, // conceptOverlap
    0.2189, // topicOverlap
    0.435, // logText
    0.454, // sharedWork
    -0.9238, // workMismatch
    -1.0187, // titleMismatch
    0.7431, // placeSame
    1.6613, // placeMentioned
    0.3282, // placeSameCountry
    -0.7953, // placeCovers
    0.104, // overlapShare
    -0.2465, // periodUnknown
    0.2789, // groupsShared
    1.3459, // gcmShared
    -1.3459, // gcmDisjoint
    0.1943, // partnersShared
    -0.58, // budgetLogRatio
    -0.2577, // budgetUnknown
  ],
  bias: -2.741,
  threshold: 0.575,
  strongThreshold: 0.825,
};
