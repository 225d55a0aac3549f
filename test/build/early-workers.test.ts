// Render workers started before a cold build loads its sources (see early-workers.js): only for a
// posts folder the pool would use workers for, handed over ready, and dropped when they fail.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { PARALLEL_FROM, startWorkersEarly, takeEarlyWorker } from "../../src/build/early-workers.js";

let dir: string;
afterEach(() => {
  for (let worker = takeEarlyWorker(); worker !== undefined; worker = takeEarlyWorker()) void worker.terminate();
  rmSync(dir, { recursive: true, force: true });
});

/** A folder of `posts` entries and a worker module with `source`, in a temp dir. */
const setUp = (posts: number, source: string): { readonly postsDir: string; readonly module: URL } => {
  dir = mkdtempSync(join(tmpdir(), "fmlops-early-"));
  const postsDir = join(dir, "posts");
  mkdirSync(postsDir);
  for (let i = 0; i < posts; i++) writeFileSync(join(postsDir, `2025-01-01-post-${i}.md`), "");
  writeFileSync(join(dir, "worker.mjs"), source);
  return { postsDir, module: pathToFileURL(join(dir, "worker.mjs")) };
};

const ECHO = `import { parentPort } from "node:worker_threads"; parentPort.on("message", (m) => parentPort.postMessage(m));`;
const WORKERS = availableParallelism() - 1;

describe("render workers started early", () => {
  it("start only for a posts folder the pool would hand out to workers", () => {
    const small = setUp(PARALLEL_FROM - 1, ECHO);
    expect(startWorkersEarly(small.module, small.postsDir)).toEqual([]);
    expect(takeEarlyWorker()).toBeUndefined();
  });

  it("are handed over running, one per core but this one", async () => {
    const large = setUp(PARALLEL_FROM, ECHO);
    expect(startWorkersEarly(large.module, large.postsDir)).toHaveLength(WORKERS);
    for (let i = 0; i < WORKERS; i++) {
      const worker = takeEarlyWorker();
      if (worker === undefined) throw new Error(`worker ${i + 1} of ${WORKERS} was not started`);
      worker.postMessage(`hello ${i}`);
      expect(await once(worker, "message")).toEqual([`hello ${i}`]);
      await worker.terminate();
    }
    expect(takeEarlyWorker()).toBeUndefined();
  });

  it("are dropped when they fail before they are taken, so the pool starts its own", async () => {
    const failing = setUp(PARALLEL_FROM, `throw new Error("broken worker");`);
    const started = startWorkersEarly(failing.module, failing.postsDir);
    expect(started).toHaveLength(WORKERS);
    // A worker reports its error before it exits (events.once would reject on the error itself).
    await Promise.all(started.map((worker) => new Promise((resolve) => worker.once("exit", resolve))));
    expect(takeEarlyWorker()).toBeUndefined();
  });
});
