// Cold builds of a seeded corpus against Hugo building the same corpus, side by side (which goes first
// alternates each round), for sections 2 and 5; and section 2: those at N=1000 with the CLI's rebuild
// after one edit with a warm .cache.

import { insertWord } from "./corpus.ts";
import { type HugoSite, runHugo } from "./hugo.ts";
import { type BenchProject, postFile, runBuild } from "./project.ts";
import type { Section } from "./report.ts";
import { alternating, fixed, log, median, ratio, table } from "./util.ts";

export const BUILD_TARGET = 1.25;
/** Below this N a build is mostly Node starting up, so section 2 judges its target here only. */
const JUDGED_AT = 1000;

export interface ColdBuilds {
  readonly n: number;
  readonly rounds: number;
  /** Medians of the rounds (s); Hugo's and the ratio are null without Hugo. */
  readonly ours: number;
  readonly hugo: number | null;
  /** Median of the per-round ratios ours / Hugo, and each of them (empty without Hugo). */
  readonly ratio: number | null;
  readonly ratios: readonly number[];
}

export const coldBuilds = async (project: BenchProject, hugo: HugoSite | null, rounds: number): Promise<ColdBuilds> => {
  const n = project.essays?.length ?? 0;
  const [ours, theirs, ratios] = [[] as number[], [] as number[], [] as number[]];
  for (let round = 0; round < rounds; round++) {
    log(`  N=${n}: cold builds, round ${round + 1} of ${rounds}`);
    const [mine, hugos] = await alternating(
      round,
      async () => (await runBuild(project.dir, "cold")).seconds,
      async () => (hugo === null ? null : runHugo(hugo)),
    );
    ours.push(mine);
    if (hugos !== null) {
      theirs.push(hugos);
      ratios.push(mine / hugos);
    }
  }
  const withHugo = hugo !== null;
  return {
    n,
    rounds,
    ours: median(ours),
    hugo: withHugo ? median(theirs) : null,
    ratio: withHugo ? median(ratios) : null,
    ratios,
  };
};

/** Section 2: `cold` (made by the caller, shared with section 5) and the warm rebuilds after it. */
export const measureBuildSpeed = async (
  project: BenchProject,
  cold: ColdBuilds,
  rebuildRuns: number,
): Promise<Section> => {
  const essays = project.essays ?? [];
  // The last cold build left its .cache: each rebuild edits another post and must render only that one.
  const rebuilds: number[] = [];
  for (let round = 0; round < rebuildRuns; round++) {
    const essay = essays[Math.floor(((round + 0.5) * essays.length) / rebuildRuns)];
    if (essay === undefined) throw new Error("the corpus has no essay to edit");
    insertWord(postFile(project.dir, essay), `rebuilt${round}`);
    const { seconds, rendered } = await runBuild(project.dir, "warm");
    if (rendered !== 1) throw new Error(`a rebuild after editing one post rendered ${rendered} posts, not 1`);
    rebuilds.push(seconds);
  }
  const { n, rounds, ours, hugo, ratio: r } = cold;
  return {
    body: [
      table("N | rounds | ours, cold (s) | Hugo, cold (s) | ours / Hugo | target", [
        [`${n}`, `${rounds}`, fixed(ours), fixed(hugo), ratio(r, BUILD_TARGET), `≤ ${BUILD_TARGET}× at N=${JUDGED_AT}`],
      ]),
      table("N | runs | rebuild after editing one post, warm .cache (s) | each run (s)", [
        [`${n}`, `${rebuildRuns}`, fixed(median(rebuilds)), rebuilds.map((s) => fixed(s)).join(", ")],
      ]),
      ...(hugo === null ? ["Hugo is not installed (apt-get install -y hugo): no anchor, no target judged."] : []),
    ].join("\n\n"),
    targets:
      r === null || n !== JUDGED_AT
        ? []
        : [
            {
              target: `cold build at N=${n} ≤ ${BUILD_TARGET}× Hugo`,
              measured: `${ratio(r, BUILD_TARGET)} (${fixed(ours)} s vs ${fixed(hugo)} s)`,
              met: r <= BUILD_TARGET,
            },
          ],
  };
};
