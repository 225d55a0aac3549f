// `node src/generator/cli.ts [--preview] [--check]`, what `npm run build` runs. `--check` only compares
// the manifest with its inputs (production unless --preview; under `npm run dev`, the mode it records):
// wrangler runs it before every bundle, so a deploy after `npm run dev` cannot ship drafts.

import { parseArgs } from "node:util";
import { staleness } from "./manifest-module.ts";
import { DEV_SERVER_ENV, projectPaths } from "./paths.ts";
import { BuildFailed, printProblems } from "./problem.ts";

const { values } = parseArgs({
  options: { preview: { type: "boolean", default: false }, check: { type: "boolean", default: false } },
});
const paths = projectPaths();
const mode = values.preview ? "preview" : "production";

if (values.check) {
  const problem = staleness(values.preview || process.env[DEV_SERVER_ENV] !== "1" ? { ...paths, mode } : paths);
  console[problem === null ? "log" : "error"](problem ?? "manifest is fresh");
  process.exitCode = problem === null ? 0 : 1;
} else {
  // Loaded only to build: wrangler runs the check above before every bundle, and it needs none of it.
  const { buildManifest, builtReport } = await import("./build.ts");
  try {
    console.log(builtReport(await buildManifest({ ...paths, mode })));
  } catch (error) {
    if (!(error instanceof BuildFailed)) throw error;
    printProblems(error.problems, "build failed: %n; the previous manifest was left as it was");
    process.exitCode = 1;
  }
}
