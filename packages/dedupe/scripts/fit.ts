// Fits the scoring model on every labelled network in fixtures/ and writes src/fitted-model.ts,
// the weights the engine ships. Deterministic: the same fixtures give the same file.
// `npx tsx scripts/fit.ts` (in this folder), or `pnpm fit:dedupe` at the root.
import { writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { fitModel } from "./fitting";
import { loadNetworks, pairRows } from "./labelled";

const here = dirname(fileURLToPath(import.meta.url));
const networks = loadNetworks();
const rows = networks.flatMap(pairRows);
const { model, lambda } = fitModel(rows);
const weights = model.features.map((name, n) => `    ${model.weights[n]}, // ${name}`).join("\n");
writeFileSync(
  join(here, "../src/fitted-model.ts"),
  `// Written by scripts/fit.ts: do not edit by hand. L2-regularised logistic regression (lambda
// ${lambda}, chosen by leave-one-network-out log-loss) on ${rows.filter((row) => row.scorable && row.label !== "related").length} scorable labelled pairs of
// ${networks.length} networks, each network weighing as much as any other: ${networks.map((network) => network.name.replace(/ [(].*/, "")).join(", ")}.
// Thresholds chosen on leave-one-network-out scores.
// biome-ignore-all lint/suspicious/noApproximativeNumericConstant: fitted numbers, not constants
import type { ScoringModel } from "./model";

export const FITTED_MODEL: ScoringModel = {
  features: [
${model.features.map((name) => `    ${JSON.stringify(name)},`).join("\n")}
  ],
  weights: [
${weights}
  ],
  bias: ${model.bias},
  threshold: ${model.threshold},
  strongThreshold: ${model.strongThreshold},
};
`,
);
console.log(`lambda ${lambda}, threshold ${model.threshold}, no-lead bar ${model.strongThreshold}`);
