// A worker thread of the render pool: renders the posts it is sent and sends the results back.

import { parentPort } from "node:worker_threads";
import { renderJob, type RenderJob } from "./render-pool.ts";

parentPort?.on("message", (jobs: readonly RenderJob[]) => {
  parentPort?.postMessage(jobs.map(renderJob));
});
