// Written by scripts/fit.ts: do not edit by hand. L2-regularised logistic regression (lambda
// 1, chosen by leave-one-network-out log-loss) on 509 scorable labelled pairs of
// 10 networks: Georgia, Kyrgyzstan, Tajikistan, Horn of Africa, Bangladesh, Moldova, Uzbekistan, Senegal, Ecuador, Nepal.
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
    "titleAlign",
    "alignAcross",
    "acronymSpelled",
    "conceptOverlap",
    "topicOverlap",
    "logText",
    "logTextSame",
    "sharedWork",
    "workMismatch",
    "workAbsent",
    "subjectAbsent",
    "titleMismatch",
    "placeSame",
    "placeMentioned",
    "placeSameCountry",
    "placeCovers",
    "overlapShare",
    "periodUnknown",
    "groupsShared",
    "gcmRarity",
    "gcmDisjoint",
    "partnersRarity",
    "budgetLogRatio",
    "budgetUnknown",
  ],
  weights: [
    2.5982, // cosine
    1.6471, // containment
    0.9798, // titleCosine
    2.0855, // gramCosine
    7.6657, // gramAcross
    0.4194, // titleAlign
    5.9002, // alignAcross
    -2.5819, // acronymSpelled
    2.2653, // conceptOverlap
    0.5428, // topicOverlap
    0.1342, // logText
    1.0942, // logTextSame
    1.3185, // sharedWork
    -1.2209, // workMismatch
    -1.804, // workAbsent
    -0.9617, // subjectAbsent
    -0.8269, // titleMismatch
    1.4092, // placeSame
    1.8375, // placeMentioned
    0.8703, // placeSameCountry
    -1.7633, // placeCovers
    0.2948, // overlapShare
    -0.4558, // periodUnknown
    0.8767, // groupsShared
    1.6518, // gcmRarity
    -2.1828, // gcmDisjoint
    0.4741, // partnersRarity
    -1.1077, // budgetLogRatio
    -0.5266, // budgetUnknown
  ],
  bias: -5.4225,
  threshold: 0.387,
  strongThreshold: 0.651,
};
