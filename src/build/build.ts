// The build as a function: posts/ and public/ in; the generated manifest module with its body
// modules, the fingerprinted stylesheet and public/_headers out. Nothing but the cache is written
// until every check has passed; then body modules first (named by their content, so a new one is
// a name the current manifest does not import), and each file is replaced atomically. The CLI
// (main.js), the dev loop and the tests all call this.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { BuildMode, Manifest } from "../manifest.ts";
import { BODIES_FOLDER, bodiesProblem, pruneBodies, writeBodyModules } from "./body-module.ts";
import { collectPosts } from "./collect.ts";
import { codeHash, computeInputHash, postKeys } from "./input-hash.ts";
import { readLedger } from "./ledger.ts";
import { importedBodies, manifestModule, readHeader } from "./manifest-module.ts";
import { MEMO_FOLDER, NO_MEMO, openMemo } from "./memo.ts";
import { displayPath, type ProjectPaths } from "./paths.js";
import { readPostsFolder } from "./posts-folder.ts";
import { BuildFailed, count } from "./problem.ts";
import { planPublicFiles, removeStaleStylesheets } from "./public-files.ts";
import { openRenderCache } from "./render-cache.ts";
import { renderPosts } from "./render-posts.ts";
import { securityHeaders } from "./security-headers.ts";
import { writeAtomic } from "./write-atomic.js";

/** Where everything is (see ProjectPaths: the build writes its generated files into publicDir too), and how to build. */
export interface BuildOptions extends ProjectPaths {
  readonly mode: BuildMode;
  /** The clock, for the scheduled-link check only (see CollectOptions.today); defaults to now. */
  readonly now?: Date;
}

export interface BuildResult {
  /** The manifest, made when first asked for. */
  readonly manifest: Manifest;
  /** How many essays and pages it holds, for a report that need not make it. */
  readonly counts: { readonly essays: number; readonly pages: number };
  /** How many posts this build rendered; the others came from the cache. */
  readonly rendered: number;
  readonly inputHash: string;
  /** Every path that answers 200 in production today: what the ledger must hold. */
  readonly publicPaths: readonly string[];
}

export const buildManifest = async (options: BuildOptions): Promise<BuildResult> => {
  const { root, postsDir, publicDir, outFile, ledgerFile, cacheDir, mode, now = new Date() } = options;
  const code = codeHash(root);
  const folder = readPostsFolder(postsDir);
  const displayDir = displayPath(root, postsDir);
  // Each post's bytes are hashed once, into its render key, which the input hash is made of too.
  const keys = postKeys(folder, code, displayDir);
  const inputHash = computeInputHash(options, code, keys);
  const memo = cacheDir === null ? NO_MEMO : openMemo(join(cacheDir, MEMO_FOLDER));
  const security = await memo.remember("security-headers", code, securityHeaders);
  const bodiesDir = join(dirname(outFile), BODIES_FOLDER);
  // esbuild minifies the stylesheet in a process of its own, so it runs beside the rendering.
  const [publicFiles, rendered] = await Promise.all([
    planPublicFiles(publicDir, { security, memo, codeHash: code }),
    renderPosts(folder, displayDir, { keys, bodiesDir, cache: cacheDir === null ? null : openRenderCache(cacheDir) }),
  ]);
  if ("problems" in publicFiles) throw new BuildFailed(publicFiles.problems);

  const collected = collectPosts({
    root,
    postsDir,
    displayDir,
    mode,
    folder,
    rendered: rendered.posts,
    publicDir,
    stylesheet: publicFiles.stylesheet,
    securityHeaders: security,
    today: now.toISOString().slice(0, 10),
    ledger: { entries: readLedger(ledgerFile), displayFile: displayPath(root, ledgerFile) },
  });
  if (!collected.ok) throw new BuildFailed(collected.problems);

  const { plan } = collected;
  // Only what this manifest publishes goes into its body modules: no draft's bytes in production.
  const places = writeBodyModules(bodiesDir, [...plan.essays, ...plan.pages].map((entry) => entry.body), `${displayDir}/`);
  const manifestTypeImport = relative(dirname(outFile), join(root, "src", "manifest.ts"));
  const text = manifestModule(plan, inputHash, {
    postsLabel: `${displayDir}/`,
    manifestTypeImport: manifestTypeImport.startsWith(".") ? manifestTypeImport : `./${manifestTypeImport}`,
    places,
  });
  // The new stylesheet exists before the manifest that links to it; the old one goes after.
  publicFiles.write();
  writeAtomic(outFile, text);
  pruneBodies(bodiesDir, new Set([...places.values()].map((place) => place.module)));
  removeStaleStylesheets(publicDir, publicFiles.stylesheet);
  return {
    get manifest(): Manifest {
      return collected.manifest;
    },
    counts: { essays: plan.essays.length, pages: plan.pages.length },
    rendered: rendered.rendered,
    inputHash,
    publicPaths: collected.publicPaths,
  };
};

/** What a build made, in words: "built preview manifest: 4 essays, 1 page; 1 post rendered". */
export const builtReport = (mode: BuildMode, { counts, rendered }: Pick<BuildResult, "counts" | "rendered">): string =>
  `built ${mode} manifest: ${count(counts.essays, "essay")}, ${count(counts.pages, "page")}; ${count(rendered, "post")} rendered`;

const rebuildCommand = (mode: BuildMode): string => (mode === "production" ? "npm run build" : "npm run build -- --preview");

/**
 * Why the module at `outFile` does not match its inputs, or null when it is fresh. Without
 * `options.mode`, it is checked in the mode its header records (what `npm run dev`'s wrangler may
 * accept, see DEV_SERVER_ENV in paths.js).
 */
export const staleness = (options: Omit<BuildOptions, "mode"> & { readonly mode?: BuildMode }): string | null => {
  const { root, outFile } = options;
  const file = displayPath(root, outFile);
  if (!existsSync(outFile)) return `${file} does not exist: run \`${rebuildCommand(options.mode ?? "production")}\``;
  const text = readFileSync(outFile, "utf8");
  const header = readHeader(text);
  if (header === null) return `${file} has no generated-file header on its first line: run \`${rebuildCommand(options.mode ?? "production")}\` to replace it`;
  const mode = options.mode ?? header.mode;
  if (header.inputHash !== computeInputHash({ ...options, mode })) {
    return `${file} is stale: its inputs (posts, public/, code, library versions or mode) changed since it was generated; run \`${rebuildCommand(mode)}\``;
  }
  const bodiesDir = join(dirname(outFile), BODIES_FOLDER);
  for (const key of importedBodies(text)) {
    const problem = bodiesProblem(bodiesDir, key);
    if (problem !== null) return `${file} imports a body module that cannot be used: ${relative(root, problem.file)} ${problem.reason}; run \`${rebuildCommand(mode)}\``;
  }
  return null;
};
