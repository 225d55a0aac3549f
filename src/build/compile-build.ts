// Compiling the build into plain JavaScript with esbuild, for compiled-build.js: the CLI (cli.ts)
// and the render worker, minified, libraries included, written into the folder of their hash.

import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { COMPILED_CLI } from "./compiled-build.js";
import { writeAtomic } from "./write-atomic.ts";

const ENTRIES = { cli: "src/build/cli.ts", "render-worker": "src/build/render-worker.ts" };
/** Libraries written as CommonJS call require(), which an ES module has only when it makes one. */
const REQUIRE_SHIM = `import { createRequire as compiledRequire } from "node:module"; const require = compiledRequire(import.meta.url);`;

/** Compiles the build into `dir` and removes the other compiled builds beside it; false when esbuild cannot. */
export const compileBuild = async (root: string, dir: string): Promise<boolean> => {
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
  if (result === null) return false;
  const cli = join(dir, COMPILED_CLI);
  // The worker first, so a CLI module that exists always has its worker beside it.
  for (const file of [...result.outputFiles].sort((a, b) => (a.path === cli ? 1 : b.path === cli ? -1 : 0))) writeAtomic(file.path, file.text);
  const folder = dirname(dir);
  for (const old of readdirSync(folder)) if (old !== basename(dir)) rmSync(join(folder, old), { recursive: true, force: true });
  return true;
};
