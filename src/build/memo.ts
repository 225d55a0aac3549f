// Values the build derives through a slow step from a few small inputs (the minified stylesheet
// from style.css through esbuild; the security headers from src/security.ts through Hono), kept on
// disk under a hash of every input, like the render cache, so a rebuild skips the step and never
// loads the library behind it. One value is kept per name: a new key replaces the old file.

import { mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { writeAtomic } from "./write-atomic.js";

/** The memo's folder inside the render cache's, apart from its entries. */
export const MEMO_FOLDER = "memo";

export interface Memo {
  /**
   * The value kept for `name` under `key`, else `compute()`'s, kept when `keep` says so (a failure,
   * say, is not worth keeping). `key` must cover every input of `compute`, code included.
   */
  readonly remember: <T>(name: string, key: string, compute: () => Promise<T>, keep?: (value: T) => boolean) => Promise<T>;
}

/** Computes every time: what a build without a cache uses. */
export const NO_MEMO: Memo = { remember: (_name, _key, compute) => compute() };

const NAME_RE = /^[a-z-]+$/;

export const openMemo = (dir: string): Memo => ({
  remember: async <T>(name: string, key: string, compute: () => Promise<T>, keep: (value: T) => boolean = () => true): Promise<T> => {
    if (!NAME_RE.test(name)) throw new Error(`not a memo name: ${name}`);
    const file = join(dir, `${name}.${key}.json`);
    try {
      return JSON.parse(readFileSync(file, "utf8")) as T;
    } catch {
      // Not kept yet, or unreadable: computed again below.
    }
    const value = await compute();
    if (keep(value)) {
      mkdirSync(dir, { recursive: true });
      for (const old of readdirSync(dir)) if (old.startsWith(`${name}.`)) rmSync(join(dir, old), { force: true });
      writeAtomic(file, JSON.stringify(value));
    }
    return value;
  },
});
