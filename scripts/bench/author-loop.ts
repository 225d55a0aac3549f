// Section 3: the author's loop. `npm run dev` in the corpus copy, then `hugo server` on the same
// corpus, one at a time: save an edit (a unique word put first in an essay's body), then poll the
// essay's URL every 20 ms until the word is served. Each edit goes to another essay, the same essays
// on both sides. No target yet: these figures are the baseline a later issue sets one from.

import { freePort } from "../../test/support/dev-server.ts";
import { type CorpusEssay, insertWord } from "./corpus.ts";
import { type HugoSite, hugoPostFile } from "./hugo.ts";
import { type BenchProject, postFile } from "./project.ts";
import type { Section } from "./report.ts";
import { startServer } from "./serve.ts";
import { fixed, log, median, ratio, sleep, table, tempDir } from "./util.ts";
import { QUIET_WRANGLER } from "../../src/author/run.ts";

const POLL_MS = 20;
/** An edit still not served after this long means the loop is broken, not slow. */
const EDIT_LIMIT_MS = 120_000;
const START_LIMIT_MS = 240_000;

/** The page's text, or "" while the server is between two versions of itself. */
const textOf = (url: string): Promise<string> =>
  fetch(url)
    .then((r) => r.text())
    .catch(() => "");

interface Side {
  readonly name: string;
  readonly cwd: string;
  /** The command line, split at spaces, that serves on `port`. */
  readonly command: (port: number, inspector: number) => string;
  /** The line it prints when its rebuild is done, if that comes before the new page is served. */
  readonly rebuilt?: RegExp;
  readonly file: (essay: CorpusEssay) => string;
  readonly path: (essay: CorpusEssay) => string;
}

/** Per edit: seconds from the save to the first answer holding the new word, and to the side's rebuilt line. */
const timeEdits = async (
  side: Side,
  essays: readonly CorpusEssay[],
): Promise<{ served: number[]; built: number[] }> => {
  const builtAt: number[] = [];
  const [port, inspector] = [await freePort(), await freePort()];
  const [command, ...args] = side.command(port, inspector).split(" ");
  const xdg = tempDir("fmlops-xdg-");
  const server = await startServer(side.name, `http://127.0.0.1:${port}`, command ?? "", args, {
    cwd: side.cwd,
    env: { XDG_CONFIG_HOME: xdg.dir, ...QUIET_WRANGLER },
    readyTimeoutMs: START_LIMIT_MS,
    after: xdg.remove,
    onOutput: (chunk) => side.rebuilt?.test(chunk) && builtAt.push(performance.now()),
  });
  const served: number[] = [];
  const built: number[] = [];
  log(`  ${server.name} is up`);
  try {
    for (const [i, essay] of essays.entries()) {
      const url = `${server.origin}${side.path(essay)}`;
      if ((await textOf(url)) === "") throw new Error(`${server.name} does not serve ${url}`);
      const word = `benchmark${i}x${Date.now().toString(36)}`;
      const began = performance.now();
      insertWord(side.file(essay), word);
      while (!(await textOf(url)).includes(word)) {
        if (performance.now() - began > EDIT_LIMIT_MS)
          throw new Error(`${server.name} never served the edit of ${url}:\n${server.output().slice(-3000)}`);
        await sleep(POLL_MS);
      }
      served.push((performance.now() - began) / 1000);
      const rebuilt = builtAt.find((at) => at > began);
      if (rebuilt !== undefined) built.push((rebuilt - began) / 1000);
      log(`  ${server.name}: edit ${i + 1} of ${essays.length} served after ${fixed(served.at(-1))} s`);
      // A reload may still be settling: the next save should not land in it.
      await sleep(1000);
    }
  } finally {
    await server.stop();
  }
  return { served, built };
};

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
  const row = (name: string, side: typeof ours | null): string[] => {
    if (side === null) return [name, "not installed", "", ""];
    const { served, built } = side;
    const each = served.map((s) => fixed(s)).join(", ");
    return [name, fixed(median(served)), each, fixed(built.length > 0 ? median(built) : null)];
  };
  return {
    body: [
      table(
        `N=${corpus.length}, ${edits} edits | save to served, median (s) | each (s) | save to \`[dev] built\`, median (s)`,
        [row("npm run dev", ours), row("hugo server", theirs)],
      ),
      `Ours / Hugo: ${ratio(hugoS === null ? null : oursS / hugoS)} (no target yet). After \`[dev] built\`, the rest is wrangler bundling the new manifest and reloading workerd. Hugo serves the edited page before its whole rebuild is done (its \`Total in … ms\` comes later), so it has no such split.`,
    ].join("\n\n"),
    targets: [],
  };
};
