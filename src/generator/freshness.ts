// Whether the generated manifest matches its inputs, without building: what `--check` answers
// before wrangler bundles (wrangler.toml's [build]), so a stale or preview manifest never ships.

import { closeSync, existsSync, openSync, readSync } from "node:fs";
import type { BuildMode } from "../manifest.ts";
import { codeHash, inputHash, readPostsFolder } from "./inputs.ts";
import { readHeader } from "./manifest-module.ts";
import { displayPath, type ProjectPaths } from "./paths.ts";

const rebuildCommand = (mode: BuildMode): string =>
  mode === "production" ? "npm run build" : "npm run build -- --preview";

/** The start of `file`, where its generated-file header is: the rest may be megabytes of posts. */
const head = (file: string): string => {
  const fd = openSync(file, "r");
  try {
    const bytes = Buffer.alloc(1024);
    return bytes.toString("utf8", 0, readSync(fd, bytes));
  } finally {
    closeSync(fd);
  }
};

/**
 * Why the module at `outFile` does not match its inputs, or null when it is fresh. Without `mode`,
 * it is checked in the mode its header records (what `npm run dev`'s wrangler may accept).
 */
export const staleness = ({
  root,
  postsDir,
  publicDir,
  outFile,
  mode,
}: ProjectPaths & { readonly mode?: BuildMode }): string | null => {
  const file = displayPath(root, outFile);
  if (!existsSync(outFile)) return `${file} does not exist: run \`${rebuildCommand(mode ?? "production")}\``;
  const header = readHeader(head(outFile));
  if (header === null)
    return `${file} has no generated-file header on its first line: run \`${rebuildCommand(mode ?? "production")}\` to replace it`;
  const checked = mode ?? header.mode;
  if (
    header.inputHash !== inputHash({ mode: checked, code: codeHash(root), posts: readPostsFolder(postsDir), publicDir })
  ) {
    return `${file} is stale: its inputs (posts, public/, code, library versions or mode) changed since it was generated; run \`${rebuildCommand(checked)}\``;
  }
  return null;
};
