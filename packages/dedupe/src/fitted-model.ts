// Written by scripts/fit.ts: do not edit by hand. L2-regularised logistic regression (lambda
// 1, chosen by leave-one-network-out log-loss) on 410 scorable labelled pairs of
// 8 networks: Georgia, Kyrgyzstan, Tajikistan, Horn of Africa, Bangladesh, Senegal, Ecuador, Nepal.
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
    4.8742, // cosine
    0.5268, // containment
    3.1389, // titleCosine
    1.1493, // gramCosine
    14.4748, // gramAcross
    4.1277, // conceptOverlap
    0.6309, // topicOverlap
    0.4514, // logText
    0.729, // sharedWork
    -1.608, // workMismatch
    -0.434, // titleMismatch
    1.1745, // placeSame
    2.5689, // placeMentioned
    0.7864, // placeSameCountry
    -1.1194, // placeCovers
    0.7081, // overlapShare
    0.752, // periodUnknown
    1.2772, // groupsShared
    2.1946, // gcmShared
    -2.1946, // gcmDisjoint
    0.2075, // partnersShared
    -1.5152, // budgetLogRatio
    -1.111, // budgetUnknown
  ],
  bias: -7.933,
  threshold: 0.563,
  strongThreshold: 0.997,
};
