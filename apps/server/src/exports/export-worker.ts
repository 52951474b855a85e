// A worker thread's entry: runs export jobs off the server's event loop. The compiled server has
// it as dist/export-worker.js (scripts/build.mjs); imported without a parent port (exports run
// inline) it only lends runExportJob.
import { isMainThread, parentPort } from "node:worker_threads";
import { type ExportJob, type ExportOutcome, runExportJob } from "./export-jobs";

export { runExportJob };

export type WorkerRequest = { id: number; job: ExportJob };
export type WorkerReply =
  | { id: number; ok: true; outcome: ExportOutcome }
  | { id: number; ok: false; message: string; stack?: string };

function ownBuffer(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
  return whole && !Buffer.isBuffer(bytes) ? bytes : new Uint8Array(bytes);
}

const port = isMainThread ? null : parentPort;
port?.on("message", (request: WorkerRequest) => {
  runExportJob(request.job).then(
    (outcome) => {
      if (outcome.kind !== "file") {
        port.postMessage({ id: request.id, ok: true, outcome } satisfies WorkerReply);
        return;
      }
      // the file's bytes move to the server's thread instead of being copied; a view into a
      // shared or pooled buffer is copied out first
      const bytes = ownBuffer(outcome.bytes);
      const reply: WorkerReply = { id: request.id, ok: true, outcome: { ...outcome, bytes } };
      port.postMessage(reply, [bytes.buffer as ArrayBuffer]);
    },
    (error: unknown) => {
      const reply: WorkerReply = {
        id: request.id,
        ok: false,
        message: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      };
      port.postMessage(reply);
    },
  );
});
