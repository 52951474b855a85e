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
    4.9114, // cosine
    0.6182, // containment
    3.3554, // titleCosine
    0.9617, // gramCosine
    14.642, // gramAcross
    4.238, // conceptOverlap
    0.5426, // topicOverlap
    0.4648, // logText
    0.7866, // sharedWork
    -1.6096, // workMismatch
    -0.454, // titleMismatch
    1.0377, // placeSame
    3.9812, // placeMentioned
    0.5641, // placeSameCountry
    -1.299, // placeCovers
    0.6912, // overlapShare
    0.4158, // periodUnknown
    1.2064, // groupsShared
    2.232, // gcmShared
    -2.232, // gcmDisjoint
    0.1908, // partnersShared
    -1.5052, // budgetLogRatio
    -0.9591, // budgetUnknown
  ],
  bias: -7.7957,
  threshold: 0.564,
  strongThreshold: 0.839,
};
