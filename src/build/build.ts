// The build as a function: posts/ in, one generated manifest module out, written atomically and
// only when every post is valid. The CLI (main.ts), the dev loop and the tests all call this.

import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { BuildMode, Manifest } from "../manifest.ts";
import { collectPosts } from "./collect.ts";
import { computeInputHash } from "./input-hash.ts";
import { manifestModule, readInputHash } from "./manifest-module.ts";
import { BuildFailed } from "./problem.ts";
import { writeAtomic } from "./write-atomic.ts";

export interface BuildOptions {
  /** The project root: where package.json, public/ and node_modules/ are. */
  readonly root: string;
  readonly postsDir: string;
  readonly outFile: string;
  readonly mode: BuildMode;
}

export interface BuildResult {
  readonly manifest: Manifest;
  readonly inputHash: string;
}

const displayPath = (root: string, path: string): string => relative(root, path) || ".";

export const buildManifest = ({ root, postsDir, outFile, mode }: BuildOptions): BuildResult => {
  const inputHash = computeInputHash({ root, postsDir, mode });
  const publicDir = join(root, "public");
  const collected = collectPosts({
    postsDir,
    displayDir: displayPath(root, postsDir),
    mode,
    assetNames: new Set(existsSync(publicDir) ? readdirSync(publicDir) : []),
  });
  if (!collected.ok) throw new BuildFailed(collected.problems);

  const manifestTypeImport = relative(dirname(outFile), join(root, "src", "manifest.ts"));
  const text = manifestModule(collected.manifest, inputHash, {
    postsLabel: `${displayPath(root, postsDir)}/`,
    manifestTypeImport: manifestTypeImport.startsWith(".") ? manifestTypeImport : `./${manifestTypeImport}`,
  });
  writeAtomic(outFile, text);
  return { manifest: collected.manifest, inputHash };
};

/** Why the module at `outFile` does not match its inputs, or null when it is fresh. */
export const staleness = ({ root, postsDir, outFile, mode }: BuildOptions): string | null => {
  const file = displayPath(root, outFile);
  const fix = mode === "production" ? "npm run build" : "npm run build -- --preview";
  if (!existsSync(outFile)) return `${file} does not exist: run \`${fix}\``;
  const recorded = readInputHash(readFileSync(outFile, "utf8"));
  if (recorded === null) return `${file} has no generated-file header on its first line: run \`${fix}\` to replace it`;
  if (recorded !== computeInputHash({ root, postsDir, mode })) {
    return `${file} is stale: its inputs (posts, build code, renderer versions or mode) changed since it was generated; run \`${fix}\``;
  }
  return null;
};
