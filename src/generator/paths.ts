// Where the project keeps its posts, static files, ledger, cache and generated manifest.

import { join, relative, resolve } from "node:path";

/** The generator's entry, as every generated file's first line names it. */
export const GENERATOR = "src/generator/cli.ts";

/** Set by `npm run dev` for its `wrangler dev`, the only bundler that may accept a preview manifest. */
export const DEV_SERVER_ENV = "FMLOPS_DEV_SERVER";

/** `publicDir` also receives the build's stylesheet and _headers; a null `cacheFile` renders every post afresh. */
export interface ProjectPaths {
  readonly root: string;
  readonly postsDir: string;
  readonly publicDir: string;
  readonly outFile: string;
  /** The published-URL ledger (see ledger.ts); absent means empty. */
  readonly ledgerFile: string;
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
