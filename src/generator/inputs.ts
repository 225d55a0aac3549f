// What the build's output is made from, hashed one way. The code hash covers the generator, the shared
// modules and the installed libraries, not the Worker: editing a template re-renders no post.

import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { BODIES_DIR, type BuildMode } from "../manifest.ts";
import { parseFilename } from "./filename.ts";

/** The generator's code, relative to the project root: its folder, the shared modules, and the libraries. */
const CODE = "src/generator src/manifest.ts src/site.ts src/urls.ts src/security.ts node_modules/.package-lock.json";

/** The files the build writes into public/ (public-files.ts, bodies.ts, cards/), which are never its inputs. */
export const HEADERS_FILE = "_headers";
export const FINGERPRINTED_RE = /^style\.[0-9a-f]{10}\.css$/;
/** The essays' social cards: public files, but the build's, like the bodies. */
export const CARDS_DIR = "cards";
const GENERATED_DIRS = [BODIES_DIR, CARDS_DIR];
/** `name` relative to public/, in the platform's spelling. */
export const isGeneratedPublicFile = (name: string): boolean =>
  name === HEADERS_FILE ||
  FINGERPRINTED_RE.test(name) ||
  GENERATED_DIRS.some((dir) => name === dir || name.startsWith(`${dir}${sep}`));

/** One entry of the posts folder, with its bytes, or null bytes when it is not a file. */
export type FolderEntry = { readonly name: string; readonly bytes: Uint8Array | null };

/** Every file at or below `path`, sorted, so hashes are the same on every machine. */
export const filesUnder = (path: string): string[] =>
  statSync(path).isFile()
    ? [path]
    : readdirSync(path, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .sort();

/** The one hasher: sha256 of some bytes, in hex. */
export const sha256 = (...parts: readonly (string | Uint8Array)[]): string =>
  parts.reduce((hash, part) => hash.update(part), createHash("sha256")).digest("hex");

/** sha256 of labelled parts: the labels and lengths keep ("ab", "c") and ("a", "bc") apart. */
export const hashOf = (parts: readonly (readonly [string, string | Uint8Array])[]): string =>
  sha256(...parts.flatMap(([label, bytes]) => [`${label}\0${bytes.length}\0`, bytes]));

export const codeHash = (root: string): string => {
  const files = CODE.split(" ").flatMap((path) => filesUnder(join(root, path)));
  return hashOf(files.map((file) => [relative(root, file), readFileSync(file)] as const));
};

/** `code` is a hash (fixed length) and a file name holds no NUL, so the three parts cannot run together. */
export const renderKey = (code: string, file: string, bytes: Uint8Array): string => sha256(`${code}\0${file}\0`, bytes);

/** The posts folder, every entry by name in a stable order, read once for hashing and rendering. */
export const readPostsFolder = (postsDir: string): FolderEntry[] =>
  readdirSync(postsDir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((entry) => ({ name: entry.name, bytes: entry.isFile() ? readFileSync(join(postsDir, entry.name)) : null }));

// In the preview an essay counts by name only: its body file records the hash of its bytes (bodies.ts),
// so a save that changes only an essay's body leaves the manifest module, and the Worker, as they are.

/** Every entry of posts/ counts, valid or not: a stray file changes the outcome of the build. */
export const inputHash = (mode: BuildMode, code: string, posts: readonly FolderEntry[], publicDir: string): string => {
  const names = filesUnder(publicDir).map((file) => relative(publicDir, file));
  return hashOf([
    ["mode", mode],
    ["code", code],
    ...names
      .filter((name) => !isGeneratedPublicFile(name))
      .map((name) => [`public ${name}`, readFileSync(join(publicDir, name))] as const),
    ...posts.map(({ name, bytes }) => {
      const byName = mode === "preview" && bytes !== null && parseFilename(name).kind === "essay";
      return [`post ${name}`, byName ? "(by name)" : (bytes ?? "(not a file)")] as const;
    }),
  ]);
};
