// The one cache: rendered posts by render key (inputs.ts), so a stale rendering can never be
// served. In memory it is a map, which `npm run dev` keeps for its whole life, so a save renders
// only the saved post. Between runs it is one file, a line per entry ("<key> <json>"): a build
// appends what it rendered, and rewrites the file with only what it used once the unused lines
// outnumber the used ones. A damaged line is a miss. Deleting the file changes nothing but time.

import { appendFileSync, existsSync, readFileSync } from "node:fs";
import type { PostResult } from "./post.ts";
import { writeAtomic } from "./write-atomic.ts";

export interface RenderCache {
  /** The rendering of `key`, or what `render()` makes of it, kept for the next build. */
  readonly get: (key: string, render: () => PostResult) => PostResult;
  /** How many posts were rendered since the last save. */
  readonly rendered: () => number;
  /** Writes what was rendered to the file, and forgets what the builds since the last save did not use. */
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
  const lines = (file !== null && existsSync(file) ? readFileSync(file, "utf8").split("\n") : []).filter(
    (line) => line.charAt(KEY_LENGTH) === " ",
  );
  for (const line of lines) {
    const result = parsed(line.slice(KEY_LENGTH + 1));
    if (result !== undefined) entries.set(line.slice(0, KEY_LENGTH), { json: line.slice(KEY_LENGTH + 1), result });
  }
  let linesInFile = lines.length;
  const used = new Set<string>();
  const added = new Set<string>();
  const text = (keys: Iterable<string>): string =>
    [...keys].map((key) => `${key} ${entries.get(key)?.json}\n`).join("");
  return {
    get: (key, render) => {
      used.add(key);
      const cached = entries.get(key);
      if (cached !== undefined) return cached.result;
      const result = render();
      entries.set(key, { json: JSON.stringify(result), result });
      added.add(key);
      return result;
    },
    rendered: () => added.size,
    save: () => {
      for (const key of entries.keys()) if (!used.has(key)) entries.delete(key);
      if (file !== null && added.size > 0) {
        if (!existsSync(file) || linesInFile + added.size > 2 * entries.size) {
          writeAtomic(file, text(entries.keys()));
          linesInFile = entries.size;
        } else {
          // On a line of its own, should the last one have been cut short.
          appendFileSync(file, `\n${text(added)}`);
          linesInFile += added.size;
        }
      }
      used.clear();
      added.clear();
    },
  };
};
