// Render workers started before the build loads its TypeScript sources, for a build that runs them
// (`--no-cache`, the cold build). A worker spends about 0.2 s loading its own modules; started
// early, it spends them beside the main thread's loading rather than while the main thread renders
// alone (a cold build at N=1000: 1.61 s against 1.68 s, medians of 8 alternating runs).
// JavaScript, like main.js, which starts them before any TypeScript is loaded.

import { existsSync, readdirSync } from "node:fs";

/** Below this many posts, starting a worker costs more than it saves. */
export const PARALLEL_FROM = 64;

/** @type {import("node:worker_threads").Worker[]} */
const early = [];

/**
 * Starts one render worker from `module` for each core but this one, when `postsDir` holds enough
 * posts for the pool to use workers at all: a worker loading beside the main thread slows the
 * main thread's own loading (a build of the site's five posts took 0.6 s with one, 0.47 s
 * without). An idle one keeps no process alive.
 * @param {URL} module
 * @param {string} postsDir
 * @returns {readonly import("node:worker_threads").Worker[]} the workers it started
 */
export const startWorkersEarly = (module, postsDir) => {
  if (!existsSync(postsDir) || readdirSync(postsDir).length < PARALLEL_FROM) return [];
  // Node's modules loaded here, not on import: a rebuild imports this module and starts no worker.
  const { Worker } = process.getBuiltinModule("node:worker_threads");
  for (let core = 1; core < process.getBuiltinModule("node:os").availableParallelism(); core++) {
    const worker = new Worker(module);
    worker.unref();
    // One that fails before it is taken is dropped: the pool starts its own, and reports its failure.
    worker.once("error", () => {
      const index = early.indexOf(worker);
      if (index !== -1) early.splice(index, 1);
    });
    early.push(worker);
  }
  return [...early];
};

/**
 * A worker started early, if one is left, kept alive again by whoever takes it.
 * @returns {import("node:worker_threads").Worker | undefined}
 */
export const takeEarlyWorker = () => {
  const worker = early.pop();
  worker?.ref();
  return worker;
};
