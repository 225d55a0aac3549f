// Every post rendered, from the cache where it can be and on every core where it cannot: the
// expensive half of the build, done before the checks across posts. Each rendered post's bodies
// are in its body module from here on (see body-module.ts); what comes back is the rest.

import { readBodiesJson, storedKeys, type BodySource } from "./body-module.ts";
import { parseFilename } from "./filename.ts";
import type { PostEntry } from "./post.ts";
import type { FolderEntry } from "./posts-folder.ts";
import type { Problem } from "./problem.ts";
import { renderKey, type CachedResult, type RenderCache } from "./render-cache.ts";
import { renderAll, type RenderJob } from "./render-pool.ts";

export type RenderedPost =
  | { readonly ok: true; readonly entry: PostEntry; readonly body: BodySource }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export interface RenderedPosts {
  /** Post file name -> its rendering, for every file in the posts folder whose name is a post's. */
  readonly posts: ReadonlyMap<string, RenderedPost>;
  /** The render key of every post: the body modules this build's posts have. */
  readonly keys: ReadonlySet<string>;
}

export interface RenderOptions {
  /** Stands for the build's code and library versions (see input-hash.ts): part of every render key. */
  readonly codeHash: string;
  /** Where body modules are written and read. */
  readonly bodiesDir: string;
  readonly cache: RenderCache | null;
}

/** The bodies in the module of `key`, read once and only if asked for. */
const storedBodies = (bodiesDir: string, key: string): BodySource => {
  let json: string | undefined;
  return { key, json: () => (json ??= readBodiesJson(bodiesDir, key)) };
};

/** Renders the posts among `folder` (see posts-folder.ts); `displayDir` names the folder in messages. */
export const renderPosts = async (folder: readonly FolderEntry[], displayDir: string, { codeHash, bodiesDir, cache }: RenderOptions): Promise<RenderedPosts> => {
  const posts = new Map<string, RenderedPost>();
  const keys = new Set<string>();
  const withBodies = (result: CachedResult, key: string): RenderedPost => (result.ok ? { ...result, body: storedBodies(bodiesDir, key) } : result);
  const misses: { readonly entry: string; readonly job: RenderJob }[] = [];
  const stored = cache === null ? new Set<string>() : storedKeys(bodiesDir);
  for (const entry of folder) {
    const name = parseFilename(entry.name);
    const bytes = entry.bytes;
    if (bytes === null || name.kind === "invalid") continue;
    const file = `${displayDir}/${entry.name}`;
    const key = renderKey(codeHash, file, bytes);
    keys.add(key);
    const cached = cache?.get(key);
    // A post whose body module is gone (src/generated deleted, say) is rendered again.
    if (cached && (!cached.ok || stored.has(key))) posts.set(entry.name, withBodies(cached, key));
    else misses.push({ entry: entry.name, job: { file, bytes, name, key } });
  }
  const results = await renderAll(
    misses.map((miss) => miss.job),
    bodiesDir,
  );
  misses.forEach((miss, i) => {
    const result = results[i] as CachedResult;
    posts.set(miss.entry, withBodies(result, miss.job.key));
    cache?.set(miss.job.key, result);
  });
  cache?.prune();
  return { posts, keys };
};
