// The build compiled by esbuild into plain JavaScript, one module for the CLI (cli.ts) and one for
// the render worker, libraries included, and kept in the cache under a hash of everything compiled
// into it: the build's sources, the shared modules it imports, npm's record of what it installed
// (node_modules/.package-lock.json: every library's exact version), and the versions of Node and
// esbuild. Node then loads two files instead of stripping the types of and resolving some eighty
// modules, which was most of a rebuild's time. A change to any source compiles it again (a fifth
// of a second, once); a failure to compile falls back to the sources, whose own error is then the
// one the author sees.

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { enableCompileCache } from "node:module";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { filesUnder } from "./files.ts";
import { writeAtomic } from "./write-atomic.ts";

/** The compiled builds' folder inside the cache's; one build per hash below it. */
export const COMPILED_FOLDER = "compiled";
const ENTRIES = { cli: "src/build/cli.ts", "render-worker": "src/build/render-worker.ts" };
/** Libraries written as CommonJS call require(), which an ES module has only when it makes one. */
const REQUIRE_SHIM = `import { createRequire as compiledRequire } from "node:module"; const require = compiledRequire(import.meta.url);`;

/** npm's record of the packages it installed, written by every `npm ci` and `npm install`. */
const INSTALLED = join("node_modules", ".package-lock.json");

const sourcesHash = (root: string): string => {
  const hash = createHash("sha256").update(`node ${process.version}\0`);
  const esbuild = JSON.parse(readFileSync(join(root, "node_modules", "esbuild", "package.json"), "utf8")) as { version: string };
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
 */
export const compiledCli = async (root: string, cacheDir: string): Promise<string | null> => {
  if (!existsSync(join(root, INSTALLED))) return null;
  const folder = join(cacheDir, COMPILED_FOLDER);
  const key = sourcesHash(root);
  const dir = join(folder, key);
  const cli = join(dir, "cli.mjs");
  if (!existsSync(cli)) {
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints: Object.fromEntries(Object.entries(ENTRIES).map(([name, path]) => [name, join(root, path)])),
      bundle: true,
      platform: "node",
      format: "esm",
      target: `node${process.versions.node}`,
      outdir: dir,
      outExtension: { ".js": ".mjs" },
      banner: { js: REQUIRE_SHIM },
      // esbuild finds its binary from where its own module is, so it stays a package, not a copy.
      external: ["esbuild"],
      write: false,
      // Half the bytes for Node to read and scan on every build; names matter to no code it runs
      // (the tests compare its output with the sources', problems included).
      minify: true,
      logLevel: "silent",
    }).catch(() => null);
    if (result === null) return null;
    // The worker first, so a CLI module that exists always has its worker beside it.
    for (const file of [...result.outputFiles].sort((a, b) => (a.path === cli ? 1 : b.path === cli ? -1 : 0))) writeAtomic(file.path, file.text);
    for (const old of readdirSync(folder)) if (old !== key) rmSync(join(folder, old), { recursive: true, force: true });
  }
  // V8 keeps the code it compiles from the module beside it, so later builds skip compiling it.
  enableCompileCache(join(dir, "v8"));
  return pathToFileURL(cli).href;
};
