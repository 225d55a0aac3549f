// The one cache: rendered posts by render key (inputs.ts). In memory a map, which `npm run dev` keeps,
// so a save renders one post; between runs one file of what the last build used. Deleting it costs time only.

import { existsSync, readFileSync } from "node:fs";
import type { PostResult } from "./post.ts";
import { writeAtomic } from "./write-atomic.ts";

const KEY_LENGTH = 64;

/**
 * Each entry's JSON, made once: the manifest module and the cache file both hold it, and a save under
 * `npm run dev` should cost the saved post's serialisation, not a thousand posts'.
 */
const entryJsons = new WeakMap<object, string>();
export const entryJson = (entry: object): string => {
  const json = entryJsons.get(entry) ?? JSON.stringify(entry);
  entryJsons.set(entry, json);
  return json;
};

// A line is "<key> <result without its entry>", then, for a post that rendered, a tab (which JSON
// text never holds) and the entry.
const lineOf = (key: string, result: PostResult): string =>
  result.ok
    ? `${key} ${JSON.stringify({ ...result, entry: undefined })}\t${entryJson(result.entry)}\n`
    : `${key} ${JSON.stringify(result)}\n`;

const parsed = (line: string): PostResult | undefined => {
  const [head = "", entry] = line.slice(KEY_LENGTH + 1).split("\t");
  try {
    const result = JSON.parse(head) as PostResult;
    if (!result.ok) return result;
    const parsedEntry = JSON.parse(entry ?? "") as object;
    entryJsons.set(parsedEntry, entry ?? "");
    return { ...result, entry: parsedEntry } as PostResult;
  } catch {
    return undefined;
  }
};

export type RenderCache = ReturnType<typeof openRenderCache>;

export const openRenderCache = (file: string | null) => {
  const entries = new Map<string, { readonly line: string; readonly result: PostResult }>();
  for (const line of file !== null && existsSync(file) ? readFileSync(file, "utf8").split("\n") : []) {
    const result = line.charAt(KEY_LENGTH) === " " ? parsed(line) : undefined;
    if (result !== undefined) entries.set(line.slice(0, KEY_LENGTH), { line: `${line}\n`, result });
  }
  const used = new Set<string>();
  let rendered = 0;
  return {
    /** The rendering of `key`, or what `render()` makes of it, kept for the next build. */
    get: (key: string, render: () => PostResult): PostResult => {
      used.add(key);
      const cached = entries.get(key);
      if (cached !== undefined) return cached.result;
      const result = render();
      entries.set(key, { line: lineOf(key, result), result });
      rendered++;
      return result;
    },
    rendered: () => rendered,
    /** Keeps what the build since the last save used, and forgets the rest, in memory and in the file. */
    save: (): void => {
      const unused = [...entries.keys()].filter((key) => !used.has(key));
      for (const key of unused) entries.delete(key);
      if (file !== null && (rendered > 0 || unused.length > 0))
        writeAtomic(file, [...entries.values()].map(({ line }) => line).join(""));
      used.clear();
      rendered = 0;
    },
  };
};
