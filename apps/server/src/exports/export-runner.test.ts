import { emptyActivity } from "@junction/domain";
import { afterEach, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { createLogger } from "../log";
import type { ExportJob } from "./export-jobs";
import { createExportRunner, type ExportRunner } from "./export-runner";

const training = {
  ...emptyActivity("A1"),
  title: "Train border police",
  lead: "o",
  gcmObjectives: [10],
};

const source = {
  network: { id: "n", name: "Network", country: "Georgia" },
  organisations: [{ id: "o", name: "Agency", acronym: "AG", type: "un-agency" }],
  workplans: [
    {
      id: "w",
      title: "Plan",
      stage: "draft" as const,
      version: null,
      activities: [training],
    },
  ],
  generatedAt: "2026-12-03T09:30:00.000Z",
};
const csv: ExportJob = { kind: "file", format: "csv", source, iati: null };

let runner: ExportRunner | null = null;
afterEach(async () => {
  await runner?.close();
  runner = null;
});

describe("the export worker threads", () => {
  it("write the file in a worker thread and name it", async () => {
    runner = createExportRunner({ threads: 1, log: createLogger("silent") });
    const outcome = await runner.run(csv);
    expect(outcome.kind).toBe("file");
    if (outcome.kind !== "file") return;
    expect(outcome.fileName).toBe("plan-2026-12-03.csv");
    expect(new TextDecoder().decode(outcome.bytes)).toContain("Train border police");
  });

  it("refuse jobs beyond the queue with a 503 instead of piling them up, and run the rest", async () => {
    runner = createExportRunner({ threads: 1, log: createLogger("silent"), maxQueued: 1 });
    const running = runner.run(csv);
    const waiting = runner.run(csv);
    const refused = runner.run(csv);
    await expect(refused).rejects.toBeInstanceOf(AppError);
    await expect(refused).rejects.toMatchObject({ code: "unavailable" });
    expect((await running).kind).toBe("file");
    expect((await waiting).kind).toBe("file");
  });

  it("refuse what is still queued when the server stops", async () => {
    runner = createExportRunner({ threads: 1, log: createLogger("silent") });
    const running = expect(runner.run(csv)).rejects.toThrow("The server is stopping");
    const waiting = expect(runner.run(csv)).rejects.toThrow("The server is stopping");
    await runner.close();
    await Promise.all([running, waiting]);
  });

  it("fail a job that outgrows a worker's memory, and run the next one in a fresh worker", async () => {
    runner = createExportRunner({ threads: 1, log: createLogger("silent"), maxHeapMb: 128 });
    const description = "x".repeat(1024 * 1024);
    const huge: ExportJob = {
      ...csv,
      source: {
        ...source,
        workplans: [
          {
            id: "w",
            title: "Plan",
            stage: "draft" as const,
            version: null,
            activities: Array.from({ length: 400 }, (_, i) => ({
              ...training,
              id: `A${i}`,
              description: `${i}${description}`,
            })),
          },
        ],
      },
    };
    await expect(runner.run(huge)).rejects.toThrow("memory limit");
    expect((await runner.run(csv)).kind).toBe("file");
  });
});
