// Written by scripts/fit.ts: do not edit by hand. L2-regularised logistic regression (lambda
// 3, chosen by leave-one-network-out log-loss) on 509 scorable labelled pairs of
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
    "sharedWork",
    "workMismatch",
    "workAbsent",
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
    2.6871, // cosine
    1.6154, // containment
    1.5652, // titleCosine
    1.3849, // gramCosine
    8.8101, // gramAcross
    0.2042, // titleAlign
    7.3218, // alignAcross
    -1.9683, // acronymSpelled
    2.1381, // conceptOverlap
    0.3562, // topicOverlap
    0.2477, // logText
    0.459, // sharedWork
    -0.9529, // workMismatch
    -1.5589, // workAbsent
    -1.1135, // titleMismatch
    1.0067, // placeSame
    1.5038, // placeMentioned
    0.6306, // placeSameCountry
    -1.1523, // placeCovers
    0.4721, // overlapShare
    0.0971, // periodUnknown
    0.8573, // groupsShared
    1.9682, // gcmShared
    -1.9682, // gcmDisjoint
    0.5367, // partnersShared
    -0.7451, // budgetLogRatio
    -0.5614, // budgetUnknown
  ],
  bias: -4.9843,
  threshold: 0.515,
  strongThreshold: 0.83,
};
