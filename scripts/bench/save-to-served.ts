// Section 3's timing: one server (`npm run dev` or `hugo server`) started in its folder, then for each
// essay an edit saved (a unique word put first in its body) and its URL polled every 20 ms until the word
// is served; the lines the server prints, timed as they come, tell when it rebuilt and reloaded.

import { QUIET_WRANGLER } from "../../src/author/run.ts";
import { freePort } from "../../test/support/dev-server.ts";
import { type CorpusEssay, insertWord } from "./corpus.ts";
import { startServer } from "./serve.ts";
import { fixed, log, sleep, tempDir } from "./util.ts";

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
  /** The line it prints when its rebuild is done. */
  readonly rebuilt?: RegExp;
  /** The line it prints when it reloads its server (wrangler's, for a new bundle). */
  readonly reloaded?: RegExp;
  readonly file: (essay: CorpusEssay) => string;
  readonly path: (essay: CorpusEssay) => string;
}

export interface Timed {
  /** Per edit: seconds from the save to the first answer holding the new word, and to the rebuilt line. */
  readonly served: number[];
  readonly built: number[];
  /** How many edits the server reloaded for (between that save and the next). */
  readonly reloads: number;
}

export const timeEdits = async (side: Side, essays: readonly CorpusEssay[]): Promise<Timed> => {
  const [builtAt, reloadedAt, saves] = [[] as number[], [] as number[], [] as number[]];
  const [port, inspector] = [await freePort(), await freePort()];
  const [command, ...args] = side.command(port, inspector).split(" ");
  const xdg = tempDir("fmlops-xdg-");
  const server = await startServer(side.name, `http://127.0.0.1:${port}`, command ?? "", args, {
    cwd: side.cwd,
    env: { XDG_CONFIG_HOME: xdg.dir, ...QUIET_WRANGLER },
    readyTimeoutMs: START_LIMIT_MS,
    after: xdg.remove,
    onOutput: (chunk) => {
      if (side.rebuilt?.test(chunk)) builtAt.push(performance.now());
      if (side.reloaded?.test(chunk)) reloadedAt.push(performance.now());
    },
  });
  const served: number[] = [];
  log(`  ${server.name} is up`);
  try {
    for (const [i, essay] of essays.entries()) {
      const url = `${server.origin}${side.path(essay)}`;
      if ((await textOf(url)) === "") throw new Error(`${server.name} does not serve ${url}`);
      const word = `benchmark${i}x${Date.now().toString(36)}`;
      const began = performance.now();
      saves.push(began);
      insertWord(side.file(essay), word);
      while (!(await textOf(url)).includes(word)) {
        if (performance.now() - began > EDIT_LIMIT_MS)
          throw new Error(`${server.name} never served the edit of ${url}:\n${server.output().slice(-3000)}`);
        await sleep(POLL_MS);
      }
      served.push((performance.now() - began) / 1000);
      log(`  ${server.name}: edit ${i + 1} of ${essays.length} served after ${fixed(served.at(-1))} s`);
      // A build or reload may still be going on: the next save should not land in it.
      await sleep(1000);
    }
  } finally {
    await server.stop();
  }
  // A save's line is the first one before the next save: the page may be served before the build is done.
  const lineAfter = (lines: number[], i: number): number | undefined =>
    lines.find((at) => at > saves[i]! && at < (saves[i + 1] ?? Infinity));
  const built = saves.flatMap((at, i) => {
    const line = lineAfter(builtAt, i);
    return line === undefined ? [] : [(line - at) / 1000];
  });
  const reloads = saves.filter((_, i) => lineAfter(reloadedAt, i) !== undefined).length;
  return { served, built, reloads };
};
