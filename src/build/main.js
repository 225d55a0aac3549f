// CLI entry of the build: `node src/build/main.js [--preview] [--check] [--no-cache]` (see cli.ts).
// With the cache on, it runs the build compiled into plain JavaScript (see compiled-build.js), and
// `--no-cache` runs the TypeScript sources themselves, so "cold" means no cache of any kind.
//
// This entry and the modules it imports are JavaScript, checked by TypeScript through their
// JSDoc, because Node loads its TypeScript stripper (about 40 ms, an eighth of a rebuild) at the
// first .ts module it meets; a build that runs compiled meets none.

import { fileURLToPath } from "node:url";
import { compiledCli } from "./compiled-build.js";
import { SOURCE_WORKER } from "./compiled-names.js";
import { startWorkersEarly } from "./early-workers.js";
import { projectPaths } from "./paths.js";

const args = process.argv.slice(2);
const entry = fileURLToPath(import.meta.url);
// Read here before cli.ts parses the arguments: they pick the build to run and the code cache it reads.
const fromSources = args.includes("--no-cache");
const check = args.includes("--check");
if (fromSources && !check) startWorkersEarly(new URL(`./${SOURCE_WORKER}`, import.meta.url), projectPaths(entry).postsDir);
const compiled = fromSources ? null : await compiledCli(entry, check ? "check" : "build");
const { runCli } = compiled?.cli ?? (await import("./cli.ts"));
const run = await runCli(entry, args);
process.exitCode = run.exitCode;
compiled?.keepCode(run);
