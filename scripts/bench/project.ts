// Throwaway copies of the project for the bench: one serving a seeded corpus of N essays, or the
// real posts; and this project's build run in such a copy, cold (no cache of any kind) or warm.

import { existsSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { CACHE_FOLDER, GENERATOR, projectPaths } from "../../src/build/paths.js";
import { copyProject } from "../../test/support/project-copy.ts";
import { generateCorpus, writePosts, type CorpusEssay } from "./corpus.ts";
import { removable, run, tempDir } from "./util.ts";

export interface BenchProject {
  readonly dir: string;
  /** The corpus it serves, or null for the real posts. */
  readonly essays: readonly CorpusEssay[] | null;
  readonly remove: () => void;
}

/** A copy of the project serving `count` seeded essays (null: the project's own posts). */
export const benchProject = (count: number | null): BenchProject => {
  if (count === null) {
    const copy = copyProject();
    return { dir: copy.dir, essays: null, remove: removable(copy.remove) };
  }
  const essays = generateCorpus(count);
  const corpus = tempDir("fmlops-corpus-");
  const posts = join(corpus.dir, "posts");
  writePosts(posts, essays);
  const copy = copyProject({ posts });
  corpus.remove();
  return {
    dir: copy.dir,
    essays,
    remove: removable(copy.remove),
  };
};


interface BuildRun {
  readonly seconds: number;
  readonly cpuSeconds: number | null;
}

/**
 * One run of `node src/build/main.js` in the copy. Cold: `<copy>/.cache` and the generated modules
 * deleted and `--no-cache` passed, so nothing of an earlier build is
 * reused, not even a body module left in place. Warm: everything left as the previous build left it.
 */
export const runBuild = async (dir: string, kind: "cold" | "warm"): Promise<BuildRun> => {
  const args = [GENERATOR];
  if (kind === "cold") {
    rmSync(join(dir, CACHE_FOLDER), { recursive: true, force: true });
    rmSync(dirname(manifestFile(dir)), { recursive: true, force: true });
    args.push("--no-cache");
  }
  const result = await run(process.execPath, args, { cwd: dir, timeoutMs: 900_000, cpu: true });
  if (result.status !== 0) throw new Error(`the build failed in ${dir} (exit ${result.status}):\n${`${result.stdout}${result.stderr}`.trim().slice(0, 4000)}`);
  return { seconds: result.seconds, cpuSeconds: result.cpuSeconds };
};

export const manifestFile = (dir: string): string => projectPaths(join(dir, GENERATOR)).outFile;

export const hasCacheDir = (dir: string): boolean => existsSync(join(dir, CACHE_FOLDER));
