// The build: posts/ and public/ in; the manifest module, the essays' bodies, their social cards (in
// production), the fingerprinted stylesheet and _headers out.
// Nothing but the render cache is written until every check has passed, and then atomically.

import type { BuildMode, Manifest } from "../manifest.ts";
import { removeStaleBodies, writeBodies } from "./bodies.ts";
import { removeStaleCards, writeCards } from "./cards/folder.ts";
import { cardDesign } from "./cards/values.ts";
import { collectPosts } from "./collect.ts";
import { codeHash, inputHash, readPostsFolder } from "./inputs.ts";
import { readLedger } from "./ledger.ts";
import { manifestModule } from "./manifest-module.ts";
import { displayPath, type ProjectPaths } from "./paths.ts";
import { BuildFailed, count } from "./problem.ts";
import { planPublicFiles, removeStaleStylesheets } from "./public-files.ts";
import { openRenderCache, type RenderCache } from "./render-cache.ts";
import { holds, writeAtomic } from "./write-atomic.ts";

export interface BuildOptions extends ProjectPaths {
  readonly mode: BuildMode;
  /** The clock, for the checks that depend on today (see CollectOptions.today); defaults to now. */
  readonly now?: Date;
}

/**
 * What a build made (`bodies` by path, the search index's files with them); `rendered` counts the posts it rendered, the others came from the
 * render cache; `drawn` counts the social cards it drew, the others were on disk already.
 */
export type BuildResult = {
  manifest: Manifest;
  bodies: ReadonlyMap<string, string>;
  rendered: number;
  drawn: number;
  inputHash: string;
  publicPaths: readonly string[];
};

/** Builds the project at `options`; `cache` is the render cache, which `npm run dev` keeps between builds. */
export const buildManifest = async (
  options: BuildOptions,
  cache: RenderCache = openRenderCache(options.cacheFile, codeHash(options.root)),
): Promise<BuildResult> => {
  const { root, postsDir, publicDir, outFile, ledgerFile, mode, now = new Date() } = options;
  // esbuild minifies the stylesheet in a process of its own while the posts are read.
  const planned = planPublicFiles(publicDir);
  const folder = readPostsFolder(postsDir);
  const displayDir = displayPath(root, postsDir);
  const publicFiles = await planned;
  if ("problems" in publicFiles) throw new BuildFailed(publicFiles.problems);

  try {
    const collected = collectPosts({
      displayDir,
      mode,
      publicDir,
      folder,
      stylesheet: publicFiles.stylesheet,
      today: now.toISOString().slice(0, 10),
      ledger: { entries: readLedger(ledgerFile), displayFile: displayPath(root, ledgerFile) },
      render: cache.render,
      // The preview makes no cards: the author's save loop stays fast, and public/cards/ is left as it is.
      ...(mode === "production" ? { cards: cardDesign(root, publicDir) } : {}),
    });
    if (!collected.ok) throw new BuildFailed(collected.problems);
    const hash = inputHash(mode, cache.code, folder, publicDir);
    // Drawing a card is the one step after the checks that can still fail: it comes first, and takes back
    // what it drew when it does, so that nothing else has been written yet.
    const drawn = await writeCards(root, publicDir, collected.cards);
    // The new stylesheet and bodies exist before the manifest that names them; the old ones go after.
    publicFiles.write();
    await writeBodies(publicDir, collected.bodies);
    // Production's search index is named in the manifest by its hash, so it comes first; the preview's name
    // never changes, and it comes last: the page a save changed is served while the index is made.
    if (mode === "production") await writeBodies(publicDir, collected.search());
    const module = manifestModule(collected.manifest, hash, options);
    // An unchanged module is not written again: under `npm run dev`, a write makes wrangler reload the Worker.
    if (!holds(outFile, module)) writeAtomic(outFile, module);
    if (mode === "preview") await writeBodies(publicDir, collected.search());
    const bodies = new Map([...collected.bodies, ...collected.search()]);
    removeStaleStylesheets(publicDir, publicFiles.stylesheet);
    removeStaleBodies(publicDir, bodies);
    if (mode === "production") removeStaleCards(publicDir, collected.cards);
    return {
      manifest: collected.manifest,
      bodies,
      rendered: cache.rendered(),
      drawn,
      inputHash: hash,
      publicPaths: collected.publicPaths,
    };
  } finally {
    // Last, and whatever happened: under `npm run dev`, wrangler reloads the new manifest meanwhile.
    cache.save();
  }
};

/** What a build made, in words: "built preview manifest: 4 essays, 1 page; 1 post rendered" (", 2 cards drawn" in production). */
export const builtReport = ({ manifest, rendered, drawn }: BuildResult): string =>
  `built ${manifest.mode} manifest: ${count(manifest.essays.length, "essay")}, ${count(manifest.pages.length, "page")}; ${count(rendered, "post")} rendered${manifest.mode === "production" ? `, ${count(drawn, "card")} drawn` : ""}`;
