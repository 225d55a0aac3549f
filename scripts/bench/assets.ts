// Section 5's asset count: the files `wrangler deploy` would upload from a copy's public/, by wrangler's
// own rule (every file under the assets directory except its config files, _headers, _redirects and
// .assetsignore, at the top), since a dry run checks each file's size but prints no count.

import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const CONFIG_FILES = new Set(["_headers", "_redirects", ".assetsignore"]);

export interface AssetCount {
  readonly files: number;
  readonly largestBytes: number;
}

export const countAssets = (publicDir: string): AssetCount => {
  // Its patterns would change what is uploaded; counting around them is not worth a matcher of our own.
  if (existsSync(join(publicDir, ".assetsignore")))
    throw new Error(`${publicDir}/.assetsignore exists: the bench's asset count does not apply its patterns`);
  let [files, largestBytes] = [0, 0];
  for (const entry of readdirSync(publicDir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!entry.isFile() || CONFIG_FILES.has(relative(publicDir, path))) continue;
    files++;
    largestBytes = Math.max(largestBytes, statSync(path).size);
  }
  return { files, largestBytes };
};
