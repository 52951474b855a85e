// Written by scripts/fit.ts: do not edit by hand. L2-regularised logistic regression (lambda
// 3, chosen by leave-one-network-out log-loss) on 828 scorable labelled pairs of
// 13 networks: Mali, Guatemala, Kazakhstan, Georgia, Kyrgyzstan, Tajikistan, Horn of Africa, Bangladesh, Moldova, Uzbekistan, Senegal, Ecuador, Nepal.
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
    "kindDiffers",
    "placeSame",
    "placeMentioned",
    "placeSameCountry",
    "placeCovers",
    "corridorShared",
    "corridorDiffers",
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
    0.5893, // cosine
    1.986, // containment
    1.6335, // titleCosine
    2.7634, // gramCosine
    6.1399, // gramAcross
    2.3999, // titleAlign
    6.8806, // alignAcross
    -1.2148, // acronymSpelled
    2.1187, // conceptOverlap
    0.4874, // topicOverlap
    0.123, // logText
    0.4269, // logTextSame
    1.2898, // sharedWork
    -1.3893, // workMismatch
    -1.2244, // workAbsent
    -0.9482, // subjectAbsent
    -0.8167, // titleMismatch
    -1.9386, // kindDiffers
    0.8237, // placeSame
    2.4743, // placeMentioned
    1.1042, // placeSameCountry
    -1.3454, // placeCovers
    0.5187, // corridorShared
    -1.7269, // corridorDiffers
    0.1632, // overlapShare
    0.0056, // periodUnknown
    1.4024, // groupsShared
    1.1598, // gcmRarity
    -1.5372, // gcmDisjoint
    0.3563, // partnersRarity
    -0.4202, // budgetLogRatio
    -0.7049, // budgetUnknown
  ],
  bias: -6.6467,
  threshold: 0.568,
  strongThreshold: 0.883,
};
