// A content-addressed cache of rendered posts, so a rebuild after editing one post renders one
// post. An entry's key is a hash of everything its result depends on: the file's name and bytes,
// the build's code and the versions of every library it uses. Change any of them and the key
// changes, so a stale render can never be served. An entry holds what the checks and the manifest
// need of a post, without its bodies: those are in a body module (see body-module.ts), which a
// rebuild leaves unread but for the one group it writes again. All entries are one file, a line
// each, read with one call where a file per entry cost a thousand opens. A build appends the lines
// of the posts it rendered (a line already there as it is, such as a draft's rendered again because
// a production build keeps no draft's bodies, is not repeated), and writes the file anew with only
// the entries it used once the other lines outnumber them. A line that a crash cut short fails to
// parse, and is a miss; the next append starts on a line of its own.

import { createHash } from "node:crypto";
import { appendFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { PostEntry } from "./post.ts";
import type { Problem } from "./problem.ts";
import { writeAtomic } from "./write-atomic.js";

/** A post's rendering without its bodies: what an entry holds. */
export type CachedResult = { readonly ok: true; readonly entry: PostEntry } | { readonly ok: false; readonly problems: readonly Problem[] };

/** The render key of the post `file` with `bytes`, under the build code and libraries `codeHash` stands for. */
export const renderKey = (codeHash: string, file: string, bytes: Uint8Array): string => createHash("sha256").update(`${codeHash}\0${file}\0`).update(bytes).digest("hex");

export interface RenderCache {
  readonly get: (key: string) => CachedResult | undefined;
  readonly set: (key: string, result: CachedResult) => void;
  /** Keeps what this build rendered for the next one, and drops what no build uses once it is most of the file. */
  readonly save: () => void;
}

/** The cache's file in its folder: a line per entry, its key, a space and its JSON. */
export const RENDER_CACHE_FILE = "posts.jsonl";
const KEY_LENGTH = 64;

export const openRenderCache = (dir: string): RenderCache => {
  const file = join(dir, RENDER_CACHE_FILE);
  const stored = new Map<string, string>();
  // Read as bytes, then decoded: Node's readFileSync(file, "utf8") took 8 ms for 2.5 MB, this 3 ms.
  const text = existsSync(file) ? readFileSync(file).toString("utf8") : null;
  let lineCount = 0;
  for (const line of text?.split("\n") ?? []) {
    if (line.charAt(KEY_LENGTH) !== " ") continue;
    stored.set(line.slice(0, KEY_LENGTH), line.slice(KEY_LENGTH + 1));
    lineCount++;
  }
  const used = new Map<string, string>();
  const added = new Map<string, string>();
  const lines = (entries: ReadonlyMap<string, string>): string => [...entries].map(([key, json]) => `${key} ${json}\n`).join("");
  return {
    get: (key) => {
      const json = stored.get(key);
      if (json === undefined) return undefined;
      try {
        const result = JSON.parse(json) as CachedResult;
        used.set(key, json);
        return result;
      } catch {
        // A damaged line is a miss: the post is rendered again and its line written anew.
        return undefined;
      }
    },
    set: (key, result) => {
      const json = JSON.stringify(result);
      used.set(key, json);
      if (stored.get(key) !== json) added.set(key, json);
    },
    save: () => {
      if (text === null || lineCount + added.size - used.size > used.size) writeAtomic(file, lines(used));
      else if (added.size > 0) appendFileSync(file, `${text === "" || text.endsWith("\n") ? "" : "\n"}${lines(added)}`);
    },
  };
};
