// Fingerprints the Worker turns into ETags without hashing anything per request: one per essay and
// page, a chain over the essays (so every visible set has one), and one for the rendering code.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { BuildMode, Essay, Page } from "../manifest.ts";
import { filesUnder } from "./files.ts";

/** 64 bits of SHA-256: plenty to tell apart versions of one URL. */
export const shortHash = (...parts: readonly (string | Uint8Array)[]): string => {
  const hash = createHash("sha256");
  // Length prefixes keep ("ab", "c") and ("a", "bc") apart.
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest("hex").slice(0, 16);
};

export type UnfingerprintedEssay = Omit<Essay, "fingerprint" | "chain" | "chainModified">;
export type UnfingerprintedPage = Omit<Page, "fingerprint">;

/** Adds fingerprints to essays sorted newest first; each chain covers that essay and all older ones. */
export const fingerprintEssays = (newestFirst: readonly UnfingerprintedEssay[]): Essay[] => {
  const result: Essay[] = [];
  let chain = "";
  let chainModified = "";
  for (let i = newestFirst.length - 1; i >= 0; i--) {
    const essay = newestFirst[i] as UnfingerprintedEssay;
    const fingerprint = servedFingerprint(essay);
    chain = shortHash(chain, fingerprint);
    chainModified = essay.modified > chainModified ? essay.modified : chainModified;
    result.push({ ...essay, fingerprint, chain, chainModified });
  }
  return result.reverse();
};

export const fingerprintPage = (page: UnfingerprintedPage): Page => ({ ...page, fingerprint: servedFingerprint(page) });

/** A hash of what an entry serves; `source` only points back at the file and is left out. */
const servedFingerprint = ({ source: _source, ...served }: UnfingerprintedEssay | UnfingerprintedPage): string => shortHash(JSON.stringify(served));

/** The Worker's source and the shared modules: the code that turns a manifest into responses. */
const RENDER_CODE = ["src/worker", "src/manifest.ts", "src/site.ts", "src/urls.ts"];

export const renderFingerprint = (root: string, mode: BuildMode, stylesheet: string): string => {
  const { version } = JSON.parse(readFileSync(join(root, "node_modules", "hono", "package.json"), "utf8")) as { version: string };
  const files = RENDER_CODE.flatMap((path) => filesUnder(join(root, path))).sort();
  return shortHash(mode, `hono ${version}`, stylesheet, ...files.flatMap((file) => [file.slice(root.length), readFileSync(file)]));
};
