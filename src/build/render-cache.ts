// A content-addressed cache of rendered posts, so a rebuild after editing one post renders one
// post. An entry's key is a hash of everything its result depends on: the file's name and bytes,
// the build's code and the versions of every library it uses. Change any of them and the key
// changes, so a stale render can never be served. An entry holds what the checks and the manifest
// need of a post, without its bodies: those are in the body module of the same key (see
// body-module.ts), which a rebuild leaves unread. Entries not used by a build are removed by it.

import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { PostEntry } from "./post.ts";
import type { Problem } from "./problem.ts";
import { writeAtomic } from "./write-atomic.ts";

/** A post's rendering without its bodies: what an entry holds. */
export type CachedResult = { readonly ok: true; readonly entry: PostEntry } | { readonly ok: false; readonly problems: readonly Problem[] };

/** The render key of the post `file` with `bytes`, under the build code and libraries `codeHash` stands for. */
export const renderKey = (codeHash: string, file: string, bytes: Uint8Array): string => createHash("sha256").update(`${codeHash}\0${file}\0`).update(bytes).digest("hex");

export interface RenderCache {
  readonly get: (key: string) => CachedResult | undefined;
  readonly set: (key: string, result: CachedResult) => void;
  /** Removes every entry this build did not use. */
  readonly prune: () => void;
}

const ENTRY_RE = /^[0-9a-f]{64}\.json$/;

export const openRenderCache = (dir: string): RenderCache => {
  mkdirSync(dir, { recursive: true });
  const used = new Set<string>();
  return {
    get: (key) => {
      used.add(key);
      try {
        return JSON.parse(readFileSync(join(dir, `${key}.json`), "utf8")) as CachedResult;
      } catch {
        return undefined;
      }
    },
    set: (key, result) => {
      used.add(key);
      writeAtomic(join(dir, `${key}.json`), JSON.stringify(result));
    },
    prune: () => {
      for (const name of readdirSync(dir)) {
        if (ENTRY_RE.test(name) && !used.has(name.slice(0, -".json".length))) rmSync(join(dir, name), { force: true });
      }
    },
  };
};
