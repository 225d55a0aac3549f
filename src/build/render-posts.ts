// Every post rendered, from the cache where it can be and on every core where it cannot: the
// expensive half of the build, done before the checks across posts.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseFilename } from "./filename.ts";
import type { PostResult } from "./post.ts";
import type { RenderCache } from "./render-cache.ts";
import { renderAll, type RenderJob } from "./render-pool.ts";

/** Post file name -> its rendering, for every file in `postsDir` whose name is a post's. */
export const renderPosts = async (postsDir: string, displayDir: string, cache: RenderCache | null): Promise<Map<string, PostResult>> => {
  const rendered = new Map<string, PostResult>();
  const misses: { readonly entry: string; readonly key: string | null; readonly job: RenderJob }[] = [];
  for (const entry of readdirSync(postsDir, { withFileTypes: true })) {
    const name = parseFilename(entry.name);
    if (!entry.isFile() || name.kind === "invalid") continue;
    const file = `${displayDir}/${entry.name}`;
    const bytes = readFileSync(join(postsDir, entry.name));
    const key = cache?.key(file, bytes) ?? null;
    const cached = key === null ? undefined : cache?.get(key);
    if (cached) rendered.set(entry.name, cached);
    else misses.push({ entry: entry.name, key, job: { file, bytes, name } });
  }
  const results = await renderAll(misses.map((miss) => miss.job));
  misses.forEach((miss, i) => {
    const result = results[i] as PostResult;
    rendered.set(miss.entry, result);
    if (miss.key !== null) cache?.set(miss.key, result);
  });
  cache?.prune();
  return rendered;
};
