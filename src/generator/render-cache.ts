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
  /** Writes what was rendered to the file, and forgets what the build since the last save did not use. */
  readonly save: () => void;
}

const KEY_LENGTH = 64;

export const openRenderCache = (file: string | null): RenderCache => {
  const lines = new Map<string, string>();
  if (file !== null && existsSync(file)) {
    for (const line of readFileSync(file, "utf8").split("\n")) {
      if (line.charAt(KEY_LENGTH) === " ") lines.set(line.slice(0, KEY_LENGTH), line.slice(KEY_LENGTH + 1));
    }
  }
  let linesInFile = lines.size;
  const parsed = new Map<string, PostResult>();
  const used = new Set<string>();
  const added = new Map<string, string>();

  const cached = (key: string): PostResult | undefined => {
    const found = parsed.get(key);
    const json = lines.get(key);
    if (found !== undefined || json === undefined) return found;
    try {
      const result = JSON.parse(json) as PostResult;
      parsed.set(key, result);
      return result;
    } catch {
      return undefined;
    }
  };

  const text = (entries: Iterable<readonly [string, string]>): string =>
    [...entries].map(([key, json]) => `${key} ${json}\n`).join("");

  return {
    get: (key, render) => {
      used.add(key);
      const found = cached(key);
      if (found !== undefined) return found;
      const result = render();
      const json = JSON.stringify(result);
      parsed.set(key, result);
      lines.set(key, json);
      added.set(key, json);
      return result;
    },
    rendered: () => added.size,
    save: () => {
      for (const key of lines.keys()) {
        if (used.has(key)) continue;
        lines.delete(key);
        parsed.delete(key);
      }
      if (file !== null && added.size > 0) {
        if (!existsSync(file) || linesInFile + added.size > 2 * lines.size) {
          writeAtomic(file, text(lines));
          linesInFile = lines.size;
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
