// Rendering posts on every core. Posts are handed out in small chunks from one queue to this
// thread and to one worker thread per other core, so a worker still loading its modules (a few
// hundred milliseconds) simply takes fewer chunks; each worker holds a second chunk in reserve.
// Small batches stay on this thread. Each post's bodies come back serialised, as the JSON its body
// module will hold (see body-module.ts), so they are serialised once, on every core.

import { availableParallelism } from "node:os";
import { COMPILED_WORKER, SOURCE_WORKER } from "./compiled-names.js";
import { PARALLEL_FROM, takeEarlyWorker } from "./early-workers.js";
import type { ParsedFilename } from "./filename.ts";
import { readPost, type PostResult } from "./post.ts";

export interface RenderJob {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly name: Exclude<ParsedFilename, { kind: "invalid" }>;
}

export const renderJob = (job: RenderJob): PostResult => readPost(job.file, job.bytes, job.name);

/** The worker's module: beside this one, compiled (see compiled-build.js) or not. */
const WORKER_MODULE = new URL(`./${import.meta.url.endsWith(".ts") ? SOURCE_WORKER : COMPILED_WORKER}`, import.meta.url);

const CHUNK = 16;

/** The results of `jobs`, in order. */
export const renderAll = async (jobs: readonly RenderJob[]): Promise<PostResult[]> => {
  const workers = jobs.length < PARALLEL_FROM ? 0 : availableParallelism() - 1;
  if (workers <= 0) return jobs.map(renderJob);

  // Loaded only here: a rebuild, which renders on this thread, is spared Node's worker module.
  const { Worker } = process.getBuiltinModule("node:worker_threads");
  const results: PostResult[] = new Array<PostResult>(jobs.length);
  let next = 0;
  const take = (): { readonly start: number; readonly chunk: readonly RenderJob[] } | null => {
    if (next >= jobs.length) return null;
    const start = next;
    next = Math.min(jobs.length, next + CHUNK);
    return { start, chunk: jobs.slice(start, next) };
  };

  const helper = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const worker = takeEarlyWorker() ?? new Worker(WORKER_MODULE);
      // Two chunks in flight: this thread takes in a result only between its own chunks, so a
      // worker with one chunk would wait out the rest of this thread's chunk for its next one.
      const inFlight: number[] = [];
      const send = (): void => {
        const piece = take();
        if (piece === null) return;
        inFlight.push(piece.start);
        worker.postMessage(piece.chunk);
      };
      const finish = (): void => {
        void worker.terminate();
        resolve();
      };
      worker.on("message", (rendered: PostResult[]) => {
        const start = inFlight.shift() ?? 0;
        rendered.forEach((result, i) => (results[start + i] = result));
        send();
        if (inFlight.length === 0) finish();
      });
      worker.once("error", reject);
      send();
      send();
      if (inFlight.length === 0) finish();
    });

  const helpers = Array.from({ length: workers }, helper);
  // This thread renders too, yielding between chunks so the workers' results are taken in.
  for (let piece = take(); piece !== null; piece = take()) {
    piece.chunk.forEach((job, i) => (results[(piece?.start ?? 0) + i] = renderJob(job)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(helpers);
  return results;
};
