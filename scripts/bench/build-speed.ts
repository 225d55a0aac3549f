// Section 1: this project's build against Hugo on the same seeded corpus, in the same run. Cold
// builds of each, interleaved (which goes first alternates), median of several; and the rebuild
// after editing one post, with the cache a first build populated.

import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runHugo, writeHugoSite } from "./hugo.ts";
import { buildHasCacheFlag, CACHE_DIR, hasCacheDir, runBuild, type BenchProject } from "./project.ts";
import { log, median } from "./util.ts";

export const BUILD_TARGET = 1.0;
export const REBUILD_TARGET = 0.15;

export interface BuildRow {
  readonly n: number;
  readonly runs: number;
  readonly oursSeconds: number;
  readonly oursCpu: number | null;
  readonly hugoSeconds: number | null;
  readonly hugoCpu: number | null;
  /** Median over rounds of ours/Hugo in that round. */
  readonly ratio: number | null;
  /** Whether the target applies at this N. */
  readonly judged: boolean;
}

export interface RebuildRow {
  readonly n: number;
  readonly runs: number;
  readonly coldSeconds: number;
  readonly warmSeconds: number;
  readonly fraction: number;
  /** Whether the build wrote a cache at all (`<copy>/.cache`). */
  readonly cacheWritten: boolean;
  /** Whether the build knew `--no-cache` (else "cold" only deleted .cache). */
  readonly noCacheFlag: boolean;
}

const medianOrNull = (values: readonly (number | null)[]): number | null => (values.some((v) => v === null) || values.length === 0 ? null : median(values as number[]));

export const measureBuild = async (project: BenchProject, n: number, runs: number, withHugo: boolean, judged: boolean): Promise<BuildRow> => {
  if (project.essays === null) throw new Error("the build bench needs a corpus");
  const hugo = withHugo ? writeHugoSite(project.essays) : null;
  try {
    const ours: number[] = [];
    const oursCpu: (number | null)[] = [];
    const theirs: number[] = [];
    const theirsCpu: (number | null)[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < runs; round++) {
      log(`  N=${n}: cold builds, round ${round + 1} of ${runs}`);
      const order = round % 2 === 0 ? ["ours", "hugo"] : ["hugo", "ours"];
      let a = Number.NaN;
      let b = Number.NaN;
      for (const which of order) {
        if (which === "ours") {
          const result = await runBuild(project.dir, "cold");
          a = result.seconds;
          ours.push(result.seconds);
          oursCpu.push(result.cpuSeconds);
        } else if (hugo !== null) {
          const result = await runHugo(hugo);
          b = result.seconds;
          theirs.push(result.seconds);
          theirsCpu.push(result.cpuSeconds);
        }
      }
      if (hugo !== null) ratios.push(a / b);
    }
    return {
      n,
      runs,
      oursSeconds: median(ours),
      oursCpu: medianOrNull(oursCpu),
      hugoSeconds: hugo === null ? null : median(theirs),
      hugoCpu: hugo === null ? null : medianOrNull(theirsCpu),
      ratio: hugo === null ? null : median(ratios),
      judged,
    };
  } finally {
    hugo?.remove();
  }
};

/** Inserts a sentence before the first `##` heading of a post, so its bytes (and only its) change. */
const editPost = (file: string, round: number): void => {
  const text = readFileSync(file, "utf8");
  const at = text.indexOf("\n\n## ");
  if (at < 0) throw new Error(`${file} has no ## heading to edit before`);
  writeFileSync(file, `${text.slice(0, at)}\n\nEdited for the benchmark, round ${round}.${text.slice(at)}`);
};

/**
 * The warm rebuild: one build with the cache on, from no cache (populating it), then for each run, one post
 * edited and the build run again with the cache as the last build left it.
 */
export const measureRebuild = async (project: BenchProject, n: number, coldSeconds: number, runs: number): Promise<RebuildRow> => {
  const postsDir = join(project.dir, "posts");
  const posts = readdirSync(postsDir).filter((name) => name.endsWith(".md")).sort();
  rmSync(join(project.dir, CACHE_DIR), { recursive: true, force: true });
  await runBuild(project.dir, "warm");
  const cacheWritten = hasCacheDir(project.dir);
  const warm: number[] = [];
  for (let round = 0; round < runs; round++) {
    log(`  N=${n}: rebuild after editing one post, run ${round + 1} of ${runs}`);
    const post = posts[Math.floor(((round + 1) * posts.length) / (runs + 1))];
    if (post === undefined) throw new Error("no post to edit");
    editPost(join(postsDir, post), round);
    warm.push((await runBuild(project.dir, "warm")).seconds);
  }
  const warmSeconds = median(warm);
  return { n, runs, coldSeconds, warmSeconds, fraction: warmSeconds / coldSeconds, cacheWritten, noCacheFlag: buildHasCacheFlag(project.dir) };
};
