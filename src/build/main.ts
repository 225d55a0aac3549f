// CLI entry of the build: `node src/build/main.ts [--preview] [--check] [--no-cache]` (see cli.ts).
// With the cache on, it runs the build compiled into plain JavaScript (see compiled-build.ts):
// stripping the types of and resolving some eighty modules is most of a rebuild's time otherwise.
// `--no-cache` runs the TypeScript sources themselves, so "cold" means no cache of any kind.

import { fileURLToPath } from "node:url";
import { compiledCli } from "./compiled-build.ts";
import { projectPaths } from "./paths.ts";

type Cli = typeof import("./cli.ts");

const args = process.argv.slice(2);
const paths = projectPaths(fileURLToPath(import.meta.url));
const compiled = args.includes("--no-cache") || paths.cacheDir === null ? null : await compiledCli(paths.root, paths.cacheDir);
const { runCli } = (await import(compiled ?? "./cli.ts")) as Cli;
process.exitCode = await runCli(paths, args);
