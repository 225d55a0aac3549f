// Rendering posts on every core. Posts are handed out in small chunks from one queue to this
// thread and to one worker thread per other core, so a worker still loading its modules (a few
// hundred milliseconds) simply takes fewer chunks. Small batches stay on this thread.

import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { ParsedFilename } from "./filename.ts";
import { readPost, type PostResult } from "./post.ts";

export interface RenderJob {
  readonly file: string;
  readonly bytes: Uint8Array;
  readonly name: Exclude<ParsedFilename, { kind: "invalid" }>;
}

/** Below this many posts, starting a worker costs more than it saves. */
const PARALLEL_FROM = 64;
const CHUNK = 16;

const renderHere = (job: RenderJob): PostResult => readPost(job.file, job.bytes, job.name);

/** The results of `jobs`, in order. */
export const renderAll = async (jobs: readonly RenderJob[]): Promise<PostResult[]> => {
  const workers = jobs.length < PARALLEL_FROM ? 0 : availableParallelism() - 1;
  if (workers <= 0) return jobs.map(renderHere);

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
      const worker = new Worker(new URL("./render-worker.ts", import.meta.url));
      let current = take();
      const finish = (): void => {
        void worker.terminate();
        resolve();
      };
      worker.on("message", (rendered: PostResult[]) => {
        if (current) rendered.forEach((result, i) => (results[(current?.start ?? 0) + i] = result));
        current = take();
        if (current) worker.postMessage(current.chunk);
        else finish();
      });
      worker.once("error", reject);
      if (current) worker.postMessage(current.chunk);
      else finish();
    });

  const helpers = Array.from({ length: workers }, helper);
  // This thread renders too, yielding between chunks so the workers' results are taken in.
  for (let piece = take(); piece !== null; piece = take()) {
    piece.chunk.forEach((job, i) => (results[(piece?.start ?? 0) + i] = renderHere(job)));
    await new Promise((resolve) => setImmediate(resolve));
  }
  await Promise.all(helpers);
  return results;
};
