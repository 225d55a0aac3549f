// Throwaway copies of the project for the bench (the real posts, or a seeded corpus of N essays),
// and the generator's CLI run in such a copy: cold (no .cache, no generated module, no bodies) or warm.

import { rmSync } from "node:fs";
import { dirname, join } from "node:path";
import { GENERATOR, projectPaths } from "../../src/generator/paths.ts";
import { BODIES_DIR } from "../../src/manifest.ts";
import { copyProject } from "../../test/support/project-copy.ts";
import { type CorpusEssay, generateCorpus, writePosts } from "./corpus.ts";
import { removable, run, tempDir } from "./util.ts";

export interface BenchProject {
  readonly dir: string;
  /** The corpus it serves, or null for the project's own posts. */
  readonly essays: readonly CorpusEssay[] | null;
  readonly remove: () => void;
}

/** The project's own posts (count null), or `count` essays of the corpus (with `vocabulary` distinct words of prose). */
export const benchProject = (count: number | null, vocabulary?: number): BenchProject => {
  if (count === null) {
    const copy = copyProject();
    return { dir: copy.dir, essays: null, remove: removable(copy.remove) };
  }
  const essays = generateCorpus(count, undefined, vocabulary);
  const corpus = tempDir("fmlops-corpus-");
  try {
    writePosts(join(corpus.dir, "posts"), essays);
    const copy = copyProject({ posts: join(corpus.dir, "posts") });
    return { dir: copy.dir, essays, remove: removable(copy.remove) };
  } finally {
    corpus.remove();
  }
};

/** The copy's post file for an essay of the corpus. */
export const postFile = (dir: string, essay: CorpusEssay): string =>
  join(projectPaths(dir).postsDir, `${essay.date}-${essay.slug}.md`);

/**
 * One `node src/generator/cli.ts` in the copy, timed from spawn to exit; cold deletes the render
 * cache's folder, the generated module and the bodies first (so it writes every body, as Hugo writes
 * every page). It keeps public/cards/ as the copy's first build left it, as CI keeps it in its cache:
 * Hugo makes no cards, and section 7 measures them. Returns the seconds and how many posts it rendered.
 */
export const runBuild = async (dir: string, kind: "cold" | "warm"): Promise<{ seconds: number; rendered: number }> => {
  const paths = projectPaths(dir);
  if (kind === "cold") {
    if (paths.cacheFile !== null) rmSync(dirname(paths.cacheFile), { recursive: true, force: true });
    rmSync(dirname(paths.outFile), { recursive: true, force: true });
    rmSync(join(paths.publicDir, BODIES_DIR), { recursive: true, force: true });
  }
  const result = await run(process.execPath, [GENERATOR], { cwd: dir, timeoutMs: 600_000 });
  const rendered = /(\d+) posts? rendered/.exec(result.output)?.[1];
  if (result.status !== 0 || rendered === undefined)
    throw new Error(`the build failed in ${dir} (exit ${result.status}):\n${result.output.slice(-4000)}`);
  return { seconds: result.seconds, rendered: Number(rendered) };
};
