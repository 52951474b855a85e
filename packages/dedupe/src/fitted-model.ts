// Written by scripts/fit.ts: do not edit by hand. L2-regularised logistic regression (lambda
// 3, chosen by leave-one-network-out log-loss) on 1232 scorable labelled pairs of
// 16 networks, each network weighing as much as any other: Mali, Guatemala, Kazakhstan, Georgia, Kyrgyzstan, Tajikistan, Horn of Africa, Bangladesh, Morocco migration network, Philippines migration network, Ukraine migration network, Moldova, Uzbekistan, Senegal, Ecuador, Nepal.
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
    -0.1267, // cosine
    1.9537, // containment
    -0.2505, // titleCosine
    3.3693, // gramCosine
    6.0125, // gramAcross
    1.7917, // titleAlign
    5.3782, // alignAcross
    -1.6221, // acronymSpelled
    2.2094, // conceptOverlap
    0.1844, // topicOverlap
    0.1055, // logText
    0.7036, // logTextSame
    0.9303, // sharedWork
    -1.3609, // workMismatch
    -1.2291, // workAbsent
    -0.9646, // subjectAbsent
    -1.2946, // titleMismatch
    -2.1124, // kindDiffers
    0.7483, // placeSame
    2.2615, // placeMentioned
    0.9934, // placeSameCountry
    -1.3189, // placeCovers
    1.3027, // corridorShared
    -2.8108, // corridorDiffers
    -1.2811, // overlapShare
    -0.4459, // periodUnknown
    1.3854, // groupsShared
    1.26, // gcmRarity
    -1.7042, // gcmDisjoint
    0.4209, // partnersRarity
    -0.7115, // budgetLogRatio
    -0.7083, // budgetUnknown
  ],
  bias: -4.2718,
  threshold: 0.367,
  strongThreshold: 0.991,
};
