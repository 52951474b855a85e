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
    1.698, // cosine
    0.9002, // containment
    1.1379, // titleCosine
    2.297, // gramCosine
    8.7515, // gramAcross
    -0.6646, // acronymSpelled
    0.9988, // conceptOverlap
    0.2196, // topicOverlap
    0.4346, // logText
    0.4574, // sharedWork
    -0.9338, // workMismatch
    -1.0165, // titleMismatch
    0.7452, // placeSame
    1.6522, // placeMentioned
    0.3632, // placeSameCountry
    -0.8092, // placeCovers
    0.025, // overlapShare
    -0.291, // periodUnknown
    0.2886, // groupsShared
    1.348, // gcmShared
    -1.348, // gcmDisjoint
    0.2635, // partnersShared
    -0.5713, // budgetLogRatio
    -0.2591, // budgetUnknown
  ],
  bias: -2.6918,
  threshold: 0.611,
  strongThreshold: 0.827,
};
