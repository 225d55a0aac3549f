// Section 2: a cold build of the seeded corpus against Hugo building the same corpus, side by side
// (which goes first alternates each round), and the CLI's rebuild after one edit with a warm .cache.

import { insertWord } from "./corpus.ts";
import { type HugoSite, runHugo } from "./hugo.ts";
import { type BenchProject, postFile, runBuild } from "./project.ts";
import type { Section } from "./report.ts";
import { alternating, fixed, log, median, ratio, table } from "./util.ts";

const BUILD_TARGET = 1.25;
/** Below this N a build is mostly Node starting up, so the target is judged here only. */
const JUDGED_AT = 1000;

export const measureBuildSpeed = async (
  project: BenchProject,
  hugo: HugoSite | null,
  runs: number,
  rebuildRuns: number,
): Promise<Section> => {
  const essays = project.essays ?? [];
  const ours: number[] = [];
  const theirs: number[] = [];
  const ratios: number[] = [];
  for (let round = 0; round < runs; round++) {
    log(`  cold builds, round ${round + 1} of ${runs}`);
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
  const n = essays.length;
  const [oursS, hugoS, r] = [median(ours), hugo ? median(theirs) : null, hugo ? median(ratios) : null];
  const judged = r !== null && n === JUDGED_AT;
  return {
    body: [
      table("N | rounds | ours, cold (s) | Hugo, cold (s) | ours / Hugo | target", [
        [`${n}`, `${runs}`, fixed(oursS), fixed(hugoS), ratio(r, BUILD_TARGET), `≤ ${BUILD_TARGET}× at N=${JUDGED_AT}`],
      ]),
      table("N | runs | rebuild after editing one post, warm .cache (s) | each run (s)", [
        [`${n}`, `${rebuildRuns}`, fixed(median(rebuilds)), rebuilds.map((s) => fixed(s)).join(", ")],
      ]),
      ...(hugo === null ? ["Hugo is not installed (apt-get install -y hugo): no anchor, no target judged."] : []),
    ].join("\n\n"),
    targets: !judged
      ? []
      : [
          {
            target: `cold build at N=${n} ≤ ${BUILD_TARGET}× Hugo`,
            measured: `${ratio(r, BUILD_TARGET)} (${fixed(oursS)} s vs ${fixed(hugoS)} s)`,
            met: r <= BUILD_TARGET,
          },
        ],
  };
};
