// Where the project keeps its posts, static files, ledger, cache and generated manifest.

import { join, relative, resolve } from "node:path";

/** The generator's entry, as every generated file's first line names it. */
export const GENERATOR = "src/generator/cli.ts";

/**
 * Set by `npm run dev` for the `wrangler dev` it starts: only there may wrangler's check before
 * bundling accept the preview manifest (drafts and scheduled essays included). Anywhere else,
 * `wrangler deploy` among them, that check demands a production manifest.
 */
export const DEV_SERVER_ENV = "FMLOPS_DEV_SERVER";

export interface ProjectPaths {
  /** Where package.json, src/ and node_modules/ are. */
  readonly root: string;
  readonly postsDir: string;
  /** The static assets folder, into which the build also writes the stylesheet and _headers. */
  readonly publicDir: string;
  /** The generated manifest module. */
  readonly outFile: string;
  /** The published-URL ledger (see ledger.ts); absent means empty. */
  readonly ledgerFile: string;
  /** The render cache's file (see render-cache.ts), or null to render every post afresh. */
  readonly cacheFile: string | null;
}

/** The project this module belongs to, or the one at `root`. */
export const projectPaths = (root = resolve(import.meta.dirname, "..", "..")): ProjectPaths => ({
  root,
  postsDir: join(root, "posts"),
  publicDir: join(root, "public"),
  outFile: join(root, "src", "generated", "manifest.ts"),
  ledgerFile: join(root, "published-urls.txt"),
  cacheFile: join(root, ".cache", "render.jsonl"),
});

/** `path` as messages and generated headers name it: relative to the project root. */
export const displayPath = (root: string, path: string): string => relative(root, path) || ".";
