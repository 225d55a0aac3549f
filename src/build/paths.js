// Where the real project keeps its posts, its static files, its ledger and its generated manifest.
// JavaScript, like main.js, which reads the posts folder before any TypeScript is loaded.

import { join, relative, resolve } from "node:path";

/** The build's entry, as every generated file's first line names it. */
export const GENERATOR = "src/build/main.js";

/**
 * Set by `npm run dev` for the `wrangler dev` it starts: only there may wrangler's check before
 * bundling accept the preview manifest (drafts and scheduled essays included). Anywhere else,
 * `wrangler deploy` among them, that check demands a production manifest.
 */
export const DEV_SERVER_ENV = "FMLOPS_DEV_SERVER";

/** The build's caches (the render cache, the memo, the compiled build), ignored by git, at the top. */
export const CACHE_FOLDER = ".cache";

/** The published-URL ledger, committed at the top of the repository. */
export const LEDGER_FILE = "published-urls.txt";

/**
 * @typedef {object} ProjectPaths
 * @property {string} root The project root: where package.json, src/ and node_modules/ are.
 * @property {string} postsDir
 * @property {string} publicDir The static assets folder.
 * @property {string} outFile The generated manifest module.
 * @property {string} ledgerFile The published-URL ledger (see ledger.ts); absent means empty.
 * @property {string | null} cacheDir Where rendered posts are cached (see render-cache.ts), with
 *   the build's memo in a folder of its own (see memo.ts); null renders every post afresh and
 *   derives everything again.
 */

/**
 * `path` as messages and generated headers name it: relative to the project root.
 * @param {string} root
 * @param {string} path
 * @returns {string}
 */
export const displayPath = (root, path) => relative(root, path) || ".";

/**
 * @param {string} fromFile a file three levels below the root, such as src/build/main.js
 * @returns {ProjectPaths}
 */
export const projectPaths = (fromFile) => {
  const root = resolve(fromFile, "..", "..", "..");
  return {
    root,
    postsDir: join(root, "posts"),
    publicDir: join(root, "public"),
    outFile: join(root, "src", "generated", "manifest.ts"),
    ledgerFile: join(root, LEDGER_FILE),
    cacheDir: join(root, CACHE_FOLDER, "render"),
  };
};
