// A worker thread of the render pool: renders the posts it is sent, writes their body modules and
// sends the rest of each result back.

import { parentPort, workerData } from "node:worker_threads";
import { renderAndStore, type RenderJob } from "./render-pool.ts";

const bodiesDir = workerData as string;

parentPort?.on("message", (jobs: readonly RenderJob[]) => {
  parentPort?.postMessage(jobs.map((job) => renderAndStore(job, bodiesDir)));
});
