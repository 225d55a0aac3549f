// The one cache: rendered posts by render key (inputs.ts). In memory a map, which `npm run dev` keeps,
// so a save renders one post; between runs one file of what the last build used. Deleting it costs time only.

import { existsSync, readFileSync } from "node:fs";
import type { PostResult } from "./post.ts";
import { writeAtomic } from "./write-atomic.ts";

export interface RenderCache {
  /** The rendering of `key`, or what `render()` makes of it, kept for the next build. */
  readonly get: (key: string, render: () => PostResult) => PostResult;
  readonly rendered: () => number;
  /** Keeps what the build since the last save used, and forgets the rest, in memory and in the file. */
  readonly save: () => void;
}

const KEY_LENGTH = 64;

const parsed = (json: string): PostResult | undefined => {
  try {
    return JSON.parse(json) as PostResult;
  } catch {
    return undefined;
  }
};

export const openRenderCache = (file: string | null): RenderCache => {
  const entries = new Map<string, { readonly json: string; readonly result: PostResult }>();
  for (const line of file !== null && existsSync(file) ? readFileSync(file, "utf8").split("\n") : []) {
    const json = line.slice(KEY_LENGTH + 1);
    const result = line.charAt(KEY_LENGTH) === " " ? parsed(json) : undefined;
    if (result !== undefined) entries.set(line.slice(0, KEY_LENGTH), { json, result });
  }
  const used = new Set<string>();
  let rendered = 0;
  return {
    get: (key, render) => {
      used.add(key);
      const cached = entries.get(key);
      if (cached !== undefined) return cached.result;
      const result = render();
      entries.set(key, { json: JSON.stringify(result), result });
      rendered++;
      return result;
    },
    rendered: () => rendered,
    save: () => {
      const unused = [...entries.keys()].filter((key) => !used.has(key));
      for (const key of unused) entries.delete(key);
      if (file !== null && (rendered > 0 || unused.length > 0)) {
        writeAtomic(file, [...entries].map(([key, { json }]) => `${key} ${json}\n`).join(""));
      }
      used.clear();
      rendered = 0;
    },
  };
};
