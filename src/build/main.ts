// CLI entry of the build: `node src/build/main.ts [--preview] [--check] [--no-cache]`.
// Prints every problem as file:line: message and exits non-zero; on failure nothing is written.
// `--check` writes nothing: it fails when the generated manifest does not match its inputs, in the
// mode given or, without --preview, in the mode the manifest records (wrangler runs it before
// every bundle, see wrangler.toml).

import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { buildManifest, staleness } from "./build.ts";
import { BuildFailed, count, formatProblem } from "./problem.ts";
import { projectPaths } from "./paths.ts";

const { values } = parseArgs({
  options: {
    preview: { type: "boolean", default: false },
    check: { type: "boolean", default: false },
    // Render every post afresh instead of reusing .cache/render (what "cold" means in the benchmarks).
    "no-cache": { type: "boolean", default: false },
  },
});

const paths = projectPaths(fileURLToPath(import.meta.url));
const options = { ...paths, cacheDir: values["no-cache"] ? null : paths.cacheDir, mode: values.preview ? "preview" : "production" } as const;

if (values.check) {
  const problem = staleness(values.preview ? options : paths);
  if (problem !== null) {
    console.error(problem);
    process.exit(1);
  }
  console.log("manifest is fresh");
} else {
  try {
    const { manifest } = await buildManifest(options);
    console.log(`built ${options.mode} manifest: ${count(manifest.essays.length, "essay")}, ${count(manifest.pages.length, "page")}`);
  } catch (error) {
    if (!(error instanceof BuildFailed)) throw error;
    for (const problem of error.problems) console.error(formatProblem(problem));
    console.error(`build failed: ${count(error.problems.length, "problem")}; the previous manifest was left as it was`);
    process.exit(1);
  }
}
