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
    "acronymSpelled",
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
    1.6972, // cosine
    0.9027, // containment
    1.1378, // titleCosine
    2.2974, // gramCosine
    8.7516, // gramAcross
    -0.6815, // acronymSpelled
    0.9986, // conceptOverlap
    0.2191, // topicOverlap
    0.4346, // logText
    0.4578, // sharedWork
    -0.935, // workMismatch
    -1.0168, // titleMismatch
    0.7451, // placeSame
    1.6522, // placeMentioned
    0.3641, // placeSameCountry
    -0.8095, // placeCovers
    0.0225, // overlapShare
    -0.2921, // periodUnknown
    0.2893, // groupsShared
    1.3485, // gcmShared
    -1.3485, // gcmDisjoint
    0.2654, // partnersShared
    -0.571, // budgetLogRatio
    -0.259, // budgetUnknown
  ],
  bias: -2.6908,
  threshold: 0.61,
  strongThreshold: 0.827,
};
