// Where the real project keeps its posts, its static files, its ledger and its generated manifest.

import { join, relative, resolve } from "node:path";

/** The build's entry, as every generated file's first line names it. */
export const GENERATOR = "src/build/main.js";

/**
 * Set by `npm run dev` for the `wrangler dev` it starts: only there may wrangler's check before
 * bundling accept the preview manifest (drafts and scheduled essays included). Anywhere else,
 * `wrangler deploy` among them, that check demands a production manifest.
 */
export const DEV_SERVER_ENV = "FMLOPS_DEV_SERVER";

/** The published-URL ledger, committed at the top of the repository. */
export const LEDGER_FILE = "published-urls.txt";

export interface ProjectPaths {
  /** The project root: where package.json, src/ and node_modules/ are. */
  readonly root: string;
  readonly postsDir: string;
  /** The static assets folder. */
  readonly publicDir: string;
  /** The generated manifest module. */
  readonly outFile: string;
  /** The published-URL ledger (see ledger.ts); absent means empty. */
  readonly ledgerFile: string;
  /**
   * Where rendered posts are cached (see render-cache.ts), with the build's memo in a folder of its
   * own (see memo.ts); null renders every post afresh and derives everything again.
   */
  readonly cacheDir: string | null;
}

/** `path` as messages and generated headers name it: relative to the project root. */
export const displayPath = (root: string, path: string): string => relative(root, path) || ".";

export const projectPaths = (fromFile: string): ProjectPaths => {
  const root = resolve(fromFile, "..", "..", "..");
  return {
    root,
    postsDir: join(root, "posts"),
    publicDir: join(root, "public"),
    outFile: join(root, "src", "generated", "manifest.ts"),
    ledgerFile: join(root, LEDGER_FILE),
    cacheDir: join(root, ".cache", "render"),
  };
};
