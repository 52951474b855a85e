import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { borderTraining, rewordedBorderTraining } from "../src/test/fixtures";

const root = join(dirname(fileURLToPath(import.meta.url)), "../../..");

function runCli(input: string) {
  const result = spawnSync(process.execPath, ["--import", "tsx", "packages/dedupe/src/cli.ts"], {
    cwd: root,
    input,
    encoding: "utf8",
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

// each case starts a process through tsx: seconds on a loaded 2-core machine
describe("dedupe CLI", { timeout: 30_000 }, () => {
  it("prints the duplicate pairs as JSON and exits 0", () => {
    const a = borderTraining({ id: "A1" });
    const b = rewordedBorderTraining({ id: "B1" });
    const { code, stdout } = runCli(JSON.stringify({ activities: [b, a] }));
    expect(code).toBe(0);
    const output = JSON.parse(stdout) as {
      pairs: Array<{ a: string; b: string; score: number; reasons: string[] }>;
    };
    expect(output.pairs).toHaveLength(1);
    expect(output.pairs[0]).toMatchObject({ a: "A1", b: "B1" });
    expect(output.pairs[0]?.reasons.length).toBeGreaterThan(0);
  });

  it("accepts missing optional fields and an organisations list", () => {
    const input = {
      activities: [
        { id: "x", title: "Job fair", lead: null },
        { id: "y", title: "Job fair for returnees" },
      ],
      organisations: [
        { id: "o1", name: "International Organization for Migration", acronym: "IOM" },
      ],
    };
    const { code, stdout } = runCli(JSON.stringify(input));
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toHaveProperty("pairs");
  });

  it("answers input that is not JSON with one line on stderr and exit 2", () => {
    const { code, stdout, stderr } = runCli("{ not json\n\nat all");
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("answers the wrong shape with one line on stderr and exit 2", () => {
    for (const input of [
      JSON.stringify({ activities: [{ title: "no id" }] }),
      JSON.stringify({ activities: "none" }),
      JSON.stringify([1, 2]),
      JSON.stringify({ activities: [{ id: "a", title: "t", gcmObjectives: ["one"] }] }),
    ]) {
      const { code, stderr } = runCli(input);
      expect(code).toBe(2);
      expect(stderr.trimEnd().split("\n")).toHaveLength(1);
    }
  });
});
