import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";
import { type ResourceLimits, Worker } from "node:worker_threads";
import { AppError } from "../errors";
import { msg } from "../i18n/message";
import type { Logger } from "../log";
import type { ExportJob, ExportOutcome } from "./export-jobs";
import type { WorkerReply, WorkerRequest } from "./export-worker";

/** Runs export jobs (files, coverage, the report) where they cannot block the server. */
export interface ExportRunner {
  run(job: ExportJob): Promise<ExportOutcome>;
  /** Ends the worker threads; jobs still running are refused. */
  close(): Promise<void>;
}

export type ExportRunnerOptions = {
  /** Worker threads; 0 runs every job on the calling thread (for measuring what threads buy). */
  threads: number;
  log: Logger;
  /** A worker with nothing to do ends after this long, giving its memory back. */
  idleMs?: number;
  /** Jobs that may wait for a thread; more are refused (503) rather than piling up memory. */
  maxQueued?: number;
  /**
   * The heap a worker may grow to, in MB: an export needing more fails alone (its worker ends)
   * instead of exhausting the process's memory and ending the server.
   */
  maxHeapMb?: number;
};

/**
 * The worker's module: dist/export-worker.js beside the compiled server (scripts/build.mjs), or
 * export-worker.ts beside this file when the server runs from its TypeScript (tsx, vitest).
 */
function workerModule(): { url: URL; typescript: boolean } {
  const compiled = new URL("./export-worker.js", import.meta.url);
  if (existsSync(compiled)) return { url: compiled, typescript: false };
  return { url: new URL("./export-worker.ts", import.meta.url), typescript: true };
}

/**
 * A worker running TypeScript registers tsx's loader first: on Node 20 a worker ignores loaders
 * given as --import in its execArgv, whether tsx started the process or vitest did.
 */
function startWorker(
  module: { url: URL; typescript: boolean },
  resourceLimits: ResourceLimits,
): Worker {
  if (!module.typescript) return new Worker(module.url, { resourceLimits });
  const loader = createRequire(import.meta.url).resolve("tsx");
  const api = pathToFileURL(join(dirname(loader), "esm", "api", "index.mjs")).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(module.url.href)}); });`;
  return new Worker(bootstrap, { eval: true, resourceLimits });
}

type Pending = {
  job: ExportJob;
  resolve: (outcome: ExportOutcome) => void;
  reject: (error: unknown) => void;
};

type Slot = { worker: Worker; busy: Pending | null; idle: NodeJS.Timeout | null };

export function createExportRunner(options: ExportRunnerOptions): ExportRunner {
  const { threads, log } = options;
  const idleMs = options.idleMs ?? 30_000;
  const maxQueued = options.maxQueued ?? 16;
  const resourceLimits: ResourceLimits = { maxOldGenerationSizeMb: options.maxHeapMb ?? 512 };
  if (threads <= 0) {
    return {
      async run(job) {
        const { runExportJob } = (await import(
          workerModule().url.href
        )) as typeof import("./export-worker");
        return runExportJob(job);
      },
      async close() {},
    };
  }

  const module = workerModule();
  const slots = new Set<Slot>();
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  function retire(slot: Slot): void {
    slots.delete(slot);
    if (slot.idle) clearTimeout(slot.idle);
    void slot.worker.terminate();
  }

  function start(): Slot {
    const worker = startWorker(module, resourceLimits);
    // an idle worker must not keep a stopping server alive
    worker.unref();
    const slot: Slot = { worker, busy: null, idle: null };
    worker.on("message", (reply: WorkerReply) => {
      const pending = slot.busy;
      slot.busy = null;
      if (pending) {
        if (reply.ok) pending.resolve(reply.outcome);
        else {
          const error = new Error(`The export failed: ${reply.message}`);
          error.stack = reply.stack ?? error.stack;
          pending.reject(error);
        }
      }
      next(slot);
    });
    // the job it was running fails (a logged 500); the next job starts a fresh worker
    const fail = (error: Error) => {
      log.error("export worker failed", { error: error.message });
      slots.delete(slot);
      if (slot.idle) clearTimeout(slot.idle);
      if (slot.busy) {
        slot.busy.reject(new Error(`The export stopped: ${error.message}`, { cause: error }));
      }
      slot.busy = null;
      pump();
    };
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (slots.has(slot)) fail(new Error(`its worker ended (exit code ${code})`));
    });
    slots.add(slot);
    return slot;
  }

  function next(slot: Slot): void {
    const pending = queue.shift();
    if (!pending) {
      slot.idle = setTimeout(() => retire(slot), idleMs);
      slot.idle.unref();
      return;
    }
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    slot.busy = pending;
    const request: WorkerRequest = { id: nextId++, job: pending.job };
    slot.worker.postMessage(request);
  }

  function pump(): void {
    if (closed || queue.length === 0) return;
    for (const slot of slots) {
      if (!slot.busy) {
        next(slot);
        if (queue.length === 0) return;
      }
    }
    while (queue.length > 0 && slots.size < threads) next(start());
  }

  return {
    run(job) {
      if (closed) return Promise.reject(new Error("The server is stopping"));
      if (queue.length >= maxQueued) {
        return Promise.reject(
          new AppError("unavailable", msg("exports.busy"), { headers: { "Retry-After": "30" } }),
        );
      }
      return new Promise<ExportOutcome>((resolve, reject) => {
        queue.push({ job, resolve, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error("The server is stopping"));
      const stopping = [...slots].map(async (slot) => {
        slots.delete(slot);
        if (slot.idle) clearTimeout(slot.idle);
        slot.busy?.reject(new Error("The server is stopping"));
        await slot.worker.terminate();
      });
      await Promise.all(stopping);
    },
  };
}
