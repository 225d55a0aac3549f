// Section 1: this project's build against Hugo on the same seeded corpus, in the same run. Cold
// builds of each, interleaved (which goes first alternates), median of several; and the rebuild
// after editing one post, with the cache a first build populated.

import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runHugo, writeHugoSite } from "./hugo.ts";
import { CACHE_FOLDER } from "../../src/build/paths.js";
import { hasCacheDir, runBuild, type BenchProject } from "./project.ts";
import { alternating, log, median } from "./util.ts";

export const BUILD_TARGET = 1.0;
export const REBUILD_TARGET = 0.15;
/** The smallest N the build target is judged at (N=100 is mostly Node starting up). */
const JUDGED_FROM = 1000;

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
}

/** Whether a row meets its target: null when there is no Hugo to compare with. */
export const buildMet = (row: BuildRow): boolean | null => (row.ratio === null ? null : row.ratio <= BUILD_TARGET);
export const rebuildMet = (row: RebuildRow): boolean => row.fraction <= REBUILD_TARGET;

const medianOrNull = (values: readonly (number | null)[]): number | null => (values.some((v) => v === null) || values.length === 0 ? null : median(values as number[]));

export const measureBuild = async (project: BenchProject, n: number, runs: number, withHugo: boolean): Promise<BuildRow> => {
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
      const [mine, hugos] = await alternating(
        round,
        () => runBuild(project.dir, "cold"),
        async () => (hugo === null ? null : runHugo(hugo)),
      );
      ours.push(mine.seconds);
      oursCpu.push(mine.cpuSeconds);
      if (hugos !== null) {
        theirs.push(hugos.seconds);
        theirsCpu.push(hugos.cpuSeconds);
        ratios.push(mine.seconds / hugos.seconds);
      }
    }
    return {
      n,
      runs,
      oursSeconds: median(ours),
      oursCpu: medianOrNull(oursCpu),
      hugoSeconds: hugo === null ? null : median(theirs),
      hugoCpu: hugo === null ? null : medianOrNull(theirsCpu),
      ratio: hugo === null ? null : median(ratios),
      judged: n >= JUDGED_FROM,
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
 * The warm rebuild: one build with the cache on, from no cache (populating it), and one edit rebuilt
 * unmeasured (the first rebuild keeps V8's code cache for the compiled build, see compiled-build.js,
 * as happens once after every change to the build's code); then for each run, one post edited and
 * the build run again with the cache as the last build left it.
 */
export const measureRebuild = async (project: BenchProject, n: number, coldSeconds: number, runs: number): Promise<RebuildRow> => {
  const postsDir = join(project.dir, "posts");
  const posts = readdirSync(postsDir).filter((name) => name.endsWith(".md")).sort();
  rmSync(join(project.dir, CACHE_FOLDER), { recursive: true, force: true });
  await runBuild(project.dir, "warm");
  // Without a cache every "rebuild" would be a full build, and the figure would mean nothing.
  if (!hasCacheDir(project.dir)) throw new Error(`the build wrote no ${CACHE_FOLDER}/ in ${project.dir}: there is nothing to rebuild from`);
  const [first] = posts;
  if (first === undefined) throw new Error("no post to edit");
  editPost(join(postsDir, first), runs);
  await runBuild(project.dir, "warm");
  const warm: number[] = [];
  for (let round = 0; round < runs; round++) {
    log(`  N=${n}: rebuild after editing one post, run ${round + 1} of ${runs}`);
    const post = posts[Math.floor(((round + 1) * posts.length) / (runs + 1))];
    if (post === undefined) throw new Error("no post to edit");
    editPost(join(postsDir, post), round);
    warm.push((await runBuild(project.dir, "warm")).seconds);
  }
  const warmSeconds = median(warm);
  return { n, runs, coldSeconds, warmSeconds, fraction: warmSeconds / coldSeconds };
};
