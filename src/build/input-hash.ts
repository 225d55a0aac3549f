// The hash of everything a manifest is made from: the posts, the build mode, the build's own code
// and the versions of the libraries that render. Equal hashes mean an equal manifest, so a stale
// generated file can be detected without rebuilding it.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { BuildMode } from "../manifest.ts";

/** The code whose output is the manifest, relative to the project root. */
const BUILD_CODE = ["src/build", "src/manifest.ts", "src/site.ts", "src/urls.ts"];
/** The libraries that turn posts into HTML; their versions are part of the output. */
const RENDERERS = ["gray-matter", "js-yaml", "marked", "zod"];

const filesUnder = (path: string): string[] =>
  statSync(path).isFile()
    ? [path]
    : readdirSync(path, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name));

export interface InputHashOptions {
  readonly root: string;
  readonly postsDir: string;
  readonly mode: BuildMode;
}

export const computeInputHash = ({ root, postsDir, mode }: InputHashOptions): string => {
  const hash = createHash("sha256");
  const add = (label: string, bytes: string | Uint8Array): void => {
    hash.update(`${label}\0${bytes.length}\0`);
    hash.update(bytes);
  };
  add("mode", mode);
  for (const name of RENDERERS) {
    const { version } = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string };
    add(`renderer ${name}`, version);
  }
  const code = BUILD_CODE.flatMap((path) => filesUnder(join(root, path)));
  for (const file of code.sort()) add(`code ${relative(root, file)}`, readFileSync(file));
  // Every entry counts, valid or not: a stray file changes the outcome of the build.
  for (const entry of readdirSync(postsDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    add(`post ${entry.name}`, entry.isFile() ? readFileSync(join(postsDir, entry.name)) : "(not a file)");
  }
  return hash.digest("hex");
};
