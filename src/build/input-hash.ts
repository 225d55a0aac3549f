// The hash of everything the build's output is made from: the posts, public/ (the stylesheet and
// the names the assets take), the build mode, the code that builds and the code that renders, and
// the versions of the libraries involved. Equal hashes mean equal output, so a stale generated file
// can be detected without rebuilding it.

import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { BuildMode } from "../manifest.ts";
import { filesUnder } from "./files.js";
import { displayPath } from "./paths.js";
import { readPostsFolder, type FolderEntry } from "./posts-folder.ts";
import { isGeneratedPublicFile } from "./public-files.ts";
import { renderKey } from "./render-cache.ts";

/** The code whose output is the manifest, or whose behaviour its fingerprints stand for. */
const CODE = ["src/build", "src/worker", "src/manifest.ts", "src/site.ts", "src/urls.ts", "src/security.ts"];
/**
 * The libraries the build and the Worker import: their versions are inputs too. A test fails when
 * code imports a library missing here.
 */
export const LIBRARIES = [
  "entities",
  "esbuild",
  "github-slugger",
  "gray-matter",
  "highlight.js",
  "hono",
  "htmlparser2",
  "js-yaml",
  "marked",
  "marked-footnote",
  "zod",
];

export interface InputHashOptions {
  readonly root: string;
  readonly postsDir: string;
  readonly publicDir: string;
  readonly mode: BuildMode;
}

type Add = (label: string, bytes: string | Uint8Array) => void;

const labelled = (hash: ReturnType<typeof createHash>): Add => (label, bytes) => {
  hash.update(`${label}\0${bytes.length}\0`).update(bytes);
};

/** A hash of the code and library versions alone: what renders one post, whatever the posts are. */
export const codeHash = (root: string): string => {
  const hash = createHash("sha256");
  const add = labelled(hash);
  for (const name of LIBRARIES) {
    const { version } = JSON.parse(readFileSync(join(root, "node_modules", name, "package.json"), "utf8")) as { version: string };
    add(`library ${name}`, version);
  }
  for (const file of CODE.flatMap((path) => filesUnder(join(root, path)))) add(`code ${relative(root, file)}`, readFileSync(file));
  return hash.digest("hex");
};

/**
 * The render key (see render-cache.ts) of every entry of the posts folder, by name: null for an
 * entry that is not a file. `displayDir` names the folder as messages do ("posts").
 */
export const postKeys = (posts: readonly FolderEntry[], code: string, displayDir: string): ReadonlyMap<string, string | null> =>
  new Map(posts.map(({ name, bytes }) => [name, bytes === null ? null : renderKey(code, `${displayDir}/${name}`, bytes)]));

/** `code` and `keys` are codeHash(root) and postKeys() of the posts folder, for a caller that has them already. */
export const computeInputHash = (
  { root, postsDir, publicDir, mode }: InputHashOptions,
  code = codeHash(root),
  keys = postKeys(readPostsFolder(postsDir), code, displayPath(root, postsDir)),
): string => {
  const hash = createHash("sha256");
  const add = labelled(hash);
  add("mode", mode);
  add("code and libraries", code);
  for (const file of filesUnder(publicDir)) {
    const name = relative(publicDir, file);
    if (!isGeneratedPublicFile(name)) add(`public ${name}`, readFileSync(file));
  }
  // Every entry counts, valid or not: a stray file changes the outcome of the build. A post counts
  // by its render key, which stands for its name and bytes.
  for (const [name, key] of keys) add(`post ${name}`, key ?? "(not a file)");
  return hash.digest("hex");
};
