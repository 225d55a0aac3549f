// Where the build compiled into plain JavaScript is (compile-build.ts makes it): one module for the
// CLI (cli.ts) and one for the render worker, libraries included, kept under a hash of everything
// compiled into them: the build's sources, the shared modules it imports, npm's record of what it
// installed (node_modules/.package-lock.json: every library's exact version), and the versions of
// Node and esbuild. Node then loads two files instead of stripping the types of and resolving some
// eighty modules, which was most of a rebuild's time. A change to any source compiles it again (a
// fifth of a second, once); a failure to compile falls back to the sources, whose own error is then
// the one the author sees.

import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { enableCompileCache } from "node:module";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { filesUnder } from "./files.js";

/** The compiled builds' folder; one build per hash below it. */
const COMPILED_FOLDER = join(".cache", "compiled");
/** The compiled CLI module's file name; the worker's is beside it (see compile-build.ts). */
export const COMPILED_CLI = "cli.mjs";

/** npm's record of the packages it installed, written by every `npm ci` and `npm install`. */
const INSTALLED = join("node_modules", ".package-lock.json");

/**
 * The hash of everything compiled into the build.
 * @param {string} root
 * @returns {string}
 */
const sourcesHash = (root) => {
  const hash = createHash("sha256").update(`node ${process.version}\0`);
  const esbuild = /** @type {{ version: string }} */ (JSON.parse(readFileSync(join(root, "node_modules", "esbuild", "package.json"), "utf8")));
  hash.update(`esbuild ${esbuild.version}\0`);
  const sources = [...filesUnder(join(root, "src", "build")), ...filesUnder(join(root, "src")).filter((file) => /^src\/[^/]+\.ts$/.test(relative(root, file))), join(root, INSTALLED)];
  for (const file of sources) {
    const bytes = readFileSync(file);
    hash.update(`${relative(root, file)}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest("hex").slice(0, 32);
};

/**
 * The URL of the compiled CLI module for the sources as they are now, compiling it if need be,
 * with V8's code cache on for what is imported next; null when it cannot be told what was
 * installed, or esbuild cannot compile the sources.
 * @param {string} entry the build's entry (main.js), which says where the project is
 * @returns {Promise<string | null>}
 */
export const compiledCli = async (entry) => {
  const root = resolve(entry, "..", "..", "..");
  if (!existsSync(join(root, INSTALLED))) return null;
  const dir = join(root, COMPILED_FOLDER, sourcesHash(root));
  const cli = join(dir, COMPILED_CLI);
  if (!existsSync(cli)) {
    const { compileBuild } = await import("./compile-build.ts");
    if (!(await compileBuild(root, dir))) return null;
  }
  // V8 keeps the code it compiles from the module beside it, so later builds skip compiling it.
  enableCompileCache(join(dir, "v8"));
  return pathToFileURL(cli).href;
};
