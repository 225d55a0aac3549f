// Section 3: the author's loop. `npm run dev` in the corpus copy, then `hugo server` on the same
// corpus, one at a time, each timed from the save of an edit to its being served (save-to-served.ts).
// Each edit goes to another essay, the same essays on both sides. The target, ours ≤ 2× Hugo's, is
// judged at N=1000 only.

import { type HugoSite, hugoPostFile } from "./hugo.ts";
import { type BenchProject, postFile } from "./project.ts";
import type { Section } from "./report.ts";
import { type Timed, timeEdits } from "./save-to-served.ts";
import { fixed, median, ratio, table } from "./util.ts";

const LOOP_TARGET = 2;
const JUDGED_AT = 1000;

export const measureAuthorLoop = async (
  project: BenchProject,
  hugo: HugoSite | null,
  edits: number,
): Promise<Section> => {
  const corpus = project.essays ?? [];
  const picked = Array.from({ length: edits }, (_, i) => corpus[Math.floor(((i + 1) * corpus.length) / (edits + 1))]!);
  const ours = await timeEdits(
    {
      name: "npm run dev",
      cwd: project.dir,
      command: (port, inspector) => `npm run dev -- --port ${port} --inspector-port ${inspector}`,
      rebuilt: /\[dev\] built /,
      reloaded: /Reloading local server/,
      file: (essay) => postFile(project.dir, essay),
      path: (essay) => `/writing/${essay.slug}`,
    },
    picked,
  );
  // Hugo's defaults otherwise: pages rendered to memory, "fast render" of the pages being viewed.
  const hugoServer = (port: number): string =>
    `hugo server --bind 127.0.0.1 --port ${port} --baseURL http://127.0.0.1:${port}/ --appendPort=false --disableLiveReload`;
  const theirs =
    hugo &&
    (await timeEdits(
      {
        name: "hugo server",
        cwd: hugo.dir,
        command: hugoServer,
        file: (essay) => hugoPostFile(hugo, essay),
        path: (essay) => `/writing/${essay.slug}/`,
      },
      picked,
    ));
  const [oursS, hugoS] = [median(ours.served), theirs ? median(theirs.served) : null];
  const r = hugoS === null ? null : oursS / hugoS;
  const row = (name: string, side: Timed | null): string[] => {
    if (side === null) return [name, "not installed", "", ""];
    const { served, built } = side;
    const each = served.map((s) => fixed(s)).join(", ");
    return [name, fixed(median(served)), each, fixed(built.length > 0 ? median(built) : null)];
  };
  const judged = r !== null && corpus.length === JUDGED_AT;
  return {
    body: [
      table(
        `N=${corpus.length}, ${edits} edits | save to served, median (s) | each (s) | save to \`[dev] built\`, median (s)`,
        [row("npm run dev", ours), row("hugo server", theirs)],
      ),
      `Ours / Hugo: ${ratio(r, LOOP_TARGET)} (target ≤ ${LOOP_TARGET}×, judged at N=${JUDGED_AT}). wrangler reloaded its local server after ${ours.reloads} of the ${edits} saves. A save that changes only an essay's body rewrites that essay's file in \`public/_bodies/preview/\`, not the manifest module; the preview Worker keeps no answer, so it reads the body afresh on every request, and can serve the edit before the build prints \`[dev] built\` (the body is written before the manifest). Hugo has no \`[dev] built\` line: it serves the edited page before its whole rebuild is done (its \`Total in … ms\` comes later).`,
    ].join("\n\n"),
    targets: judged
      ? [
          {
            target: `save to served at N=${JUDGED_AT} ≤ ${LOOP_TARGET}× hugo server`,
            measured: `${ratio(r, LOOP_TARGET)} (${fixed(oursS)} s vs ${fixed(hugoS)} s)`,
            met: r <= LOOP_TARGET,
          },
        ]
      : [],
  };
};
