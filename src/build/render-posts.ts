// Every post rendered, from the cache where it can be and on every core where it cannot: the
// expensive half of the build, done before the checks across posts. A cached post's bodies stay in
// the body module that holds them (see body-module.ts) until someone asks; a rendered post's are
// kept in memory until the build writes its body modules.

import { NO_STORED_BODIES, openStoredBodies, type BodySource } from "./body-module.ts";
import { parseFilename } from "./filename.ts";
import type { PostEntry, PostResult } from "./post.ts";
import type { FolderEntry } from "./posts-folder.ts";
import type { Problem } from "./problem.ts";
import type { RenderCache } from "./render-cache.ts";
import { renderAll, type RenderJob } from "./render-pool.ts";

export type RenderedPost =
  | { readonly ok: true; readonly entry: PostEntry; readonly body: BodySource }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export interface RenderedPosts {
  /** Post file name -> its rendering, for every file in the posts folder whose name is a post's. */
  readonly posts: ReadonlyMap<string, RenderedPost>;
  /** How many of them were rendered, not taken from the cache. */
  readonly rendered: number;
}

export interface RenderOptions {
  /** The render key of every file in the folder, by name (see postKeys in input-hash.ts). */
  readonly keys: ReadonlyMap<string, string | null>;
  /** Where the body modules of earlier builds are. */
  readonly bodiesDir: string;
  readonly cache: RenderCache | null;
}

/** Renders the posts among `folder` (see posts-folder.ts); `displayDir` names the folder in messages. */
export const renderPosts = async (folder: readonly FolderEntry[], displayDir: string, { keys, bodiesDir, cache }: RenderOptions): Promise<RenderedPosts> => {
  const posts = new Map<string, RenderedPost>();
  const misses: { readonly entry: string; readonly key: string; readonly job: RenderJob }[] = [];
  const stored = cache === null ? NO_STORED_BODIES : openStoredBodies(bodiesDir);
  for (const entry of folder) {
    const name = parseFilename(entry.name);
    const bytes = entry.bytes;
    if (bytes === null || name.kind === "invalid") continue;
    const file = `${displayDir}/${entry.name}`;
    const key = keys.get(entry.name);
    if (key === undefined || key === null) throw new Error(`${file} has no render key`);
    const cached = cache?.get(key);
    // A post whose bodies no body module holds (src/generated deleted, say) is rendered again.
    if (cached && !cached.ok) posts.set(entry.name, cached);
    else if (cached && stored.has(key)) posts.set(entry.name, { ...cached, body: { key, file, json: () => stored.json(key) } });
    else misses.push({ entry: entry.name, key, job: { file, bytes, name } });
  }
  const results = await renderAll(misses.map((miss) => miss.job));
  misses.forEach(({ entry, key, job }, i) => {
    const result = results[i] as PostResult;
    // The cache keeps everything but the bodies, which go into a body module.
    cache?.set(key, result.ok ? { ok: true, entry: result.entry } : result);
    posts.set(entry, result.ok ? { ok: true, entry: result.entry, body: { key, file: job.file, json: () => result.bodies } } : result);
  });
  cache?.save();
  return { posts, rendered: misses.length };
};
