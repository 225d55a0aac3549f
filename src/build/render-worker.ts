// A worker thread of the render pool: renders the posts it is sent and sends the results back.

import { parentPort } from "node:worker_threads";
import { readPost } from "./post.ts";
import type { RenderJob } from "./render-pool.ts";

parentPort?.on("message", (jobs: readonly RenderJob[]) => {
  parentPort?.postMessage(jobs.map((job) => readPost(job.file, job.bytes, job.name)));
});
