// Compiling the build into plain JavaScript with esbuild, for compiled-build.js: the CLI (cli.ts)
// and the render worker, minified CommonJS, libraries included, written into the folder of their hash.

import { readdirSync, rmSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { COMPILED_CLI, COMPILED_EXTENSION, COMPILED_WORKER, EXTERNAL } from "./compiled-names.js";
import { writeAtomic } from "./write-atomic.js";

const ENTRIES = { [COMPILED_CLI]: "src/build/cli.ts", [COMPILED_WORKER]: "src/build/render-worker.ts" };
/** What `import.meta.url` becomes in the compiled modules, which CommonJS does not have. */
const MODULE_URL = "__compiledModuleUrl";

/** Compiles the build into `dir` and removes the other compiled builds beside it; false when esbuild cannot. */
export const compileBuild = async (root: string, dir: string): Promise<boolean> => {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: Object.entries(ENTRIES).map(([out, path]) => ({ out: basename(out, COMPILED_EXTENSION), in: join(root, path) })),
    bundle: true,
    platform: "node",
    // CommonJS, so that compiled-build.js can run the CLI through vm.Script (see there).
    format: "cjs",
    target: `node${process.versions.node}`,
    outdir: dir,
    outExtension: { ".js": COMPILED_EXTENSION },
    define: { "import.meta.url": MODULE_URL },
    // The directive first, or the module would run in sloppy mode, as the sources never do.
    banner: { js: `"use strict"; var ${MODULE_URL} = require("node:url").pathToFileURL(__filename).href;` },
    // A script run through vm.Script may not import(): an external package is required instead.
    supported: { "dynamic-import": false },
    // esbuild finds its binary from where its own module is, so it stays a package, not a copy.
    external: [...EXTERNAL],
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
