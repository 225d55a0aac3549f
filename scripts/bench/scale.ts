// Section 5's measurements at one N: the cold builds (made by the caller), the upload as `wrangler deploy
// --dry-run` counts it, the asset files it would upload, and `wrangler check startup` of our Worker beside
// the constant-bytes Worker of the same raw size (constant-worker.ts), alternating.

import { projectPaths } from "../../src/generator/paths.ts";
import { type AssetCount, countAssets } from "./assets.ts";
import type { ColdBuilds } from "./build-speed.ts";
import { constantWorker } from "./constant-worker.ts";
import { benchRoutes, withSite } from "./site.ts";
import { alternating, log, median } from "./util.ts";
import { checkStartup, type DryRun } from "./wrangler.ts";

export interface ScaleRow {
  readonly n: number;
  /** Null when the builds broke (reported as such by the caller). */
  readonly cold: ColdBuilds | null;
  readonly rawKiB: number;
  readonly gzipKiB: number;
  readonly assets: AssetCount;
  readonly constantRawKiB: number;
  readonly startupMs: number;
  readonly constantStartupMs: number;
  /** Median of the per-run ratios ours / constant. */
  readonly startupRatio: number;
}

/** `ours` is the copy's own dry run, made by the caller after its last build. */
export const measureScaleAt = async (
  dir: string,
  n: number,
  ours: DryRun,
  cold: ColdBuilds | null,
  startupRuns: number,
): Promise<ScaleRow> => {
  const assets = countAssets(projectPaths(dir).publicDir);
  const captured = await withSite(dir, ours.module, benchRoutes);
  const constant = await constantWorker(dir, captured, ours.rawKiB);
  try {
    const [mine, others] = [[] as number[], [] as number[]];
    for (let i = 0; i < startupRuns; i++) {
      log(`  wrangler check startup, run ${i + 1} of ${startupRuns}`);
      const [a, b] = await alternating(
        i,
        () => checkStartup(dir, ours.bundleFile),
        () => checkStartup(constant.dir, constant.bundle.bundleFile),
      );
      mine.push(a);
      others.push(b);
    }
    return {
      n,
      cold,
      rawKiB: ours.rawKiB,
      gzipKiB: ours.gzipKiB,
      assets,
      constantRawKiB: constant.bundle.rawKiB,
      startupMs: median(mine),
      constantStartupMs: median(others),
      startupRatio: median(mine.map((ms, i) => ms / (others[i] as number))),
    };
  } finally {
    constant.remove();
  }
};
