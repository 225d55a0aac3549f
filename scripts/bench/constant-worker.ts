// The baseline Worker of sections 4 and 5: the captured answers as string constants in the smallest
// Hono app (site.ts writes its source), bundled by `wrangler deploy --dry-run` as ours is. For startup,
// padded to our script's raw size: a Worker holding every page of 10,000 essays would be hundreds of MB,
// so the fair anchor is one that parses as many bytes as ours, all of them constants.

import type { Captured } from "./site.ts";
import { constantWorkerSource } from "./site.ts";
import { log } from "./util.ts";
import { compatibilityDate, type DryRun, dryRun, workerProject } from "./wrangler.ts";

export interface ConstantWorker {
  readonly dir: string;
  readonly bundle: DryRun;
  readonly remove: () => void;
}

const bundled = async (dir: string, name: string, captured: readonly Captured[]): Promise<ConstantWorker> => {
  const project = workerProject(name, constantWorkerSource(captured), compatibilityDate(dir));
  try {
    const bundle = await dryRun(project.dir);
    return {
      dir: project.dir,
      bundle,
      remove: () => {
        bundle.remove();
        project.remove();
      },
    };
  } catch (error) {
    project.remove();
    throw error;
  }
};

/**
 * The constant Worker of `captured` (made for the project copy at `dir`). With `rawKiB`, it keeps only the
 * essay and the 404 (the feed alone outweighs our whole script at small N) and adds copies of the essay
 * page at /bench-padding/<i>, as many as bring its upload's raw size to about `rawKiB`. They are routes,
 * not an unused constant, so that the bundler keeps them.
 */
export const constantWorker = async (
  dir: string,
  captured: readonly Captured[],
  rawKiB?: number,
): Promise<ConstantWorker> => {
  log(`  wrangler deploy --dry-run: the constant-bytes Worker${rawKiB === undefined ? "" : ", padded"}`);
  if (rawKiB === undefined) return bundled(dir, "bench-constant", captured);
  const essay = captured.find(({ route, status }) => route.name === "essay" && status === 200);
  if (essay === undefined) throw new Error("no essay page was captured to pad the constant Worker with");
  const kept = captured.filter((entry) => entry === essay || entry.status === 404);
  const plain = await bundled(dir, "bench-constant", kept);
  plain.remove();
  // One copy costs its page and headers as the bundle spells them (JSON, about as esbuild writes it).
  const copyKiB = JSON.stringify([essay.headers, new TextDecoder().decode(essay.body)]).length / 1024;
  const copies = Math.max(0, Math.round((rawKiB - plain.bundle.rawKiB) / copyKiB));
  const padding = Array.from({ length: copies }, (_, i) => ({
    ...essay,
    route: { name: `padding ${i}`, path: `/bench-padding/${i}`, headers: {} },
  }));
  return bundled(dir, "bench-constant-padded", [...kept, ...padding]);
};
