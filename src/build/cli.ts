// What `node src/build/main.js [--preview] [--check] [--no-cache]` does, once main.js has chosen
// whether to run it from the TypeScript sources or from the compiled build (see compiled-build.js).
// Prints every problem as file:line: message and exits non-zero; on failure nothing is written.
// `--check` writes nothing: it fails when the generated manifest does not match its inputs, in
// production mode, or in preview mode with --preview. Wrangler runs it before every bundle (see
// wrangler.toml); under `npm run dev` (DEV_SERVER_ENV in paths.js) it accepts the mode the manifest
// records, so the preview serves, while a `wrangler deploy` after `npm run dev` stops before it
// could ship drafts.

import { parseArgs } from "node:util";
import { buildManifest, builtReport, staleness } from "./build.ts";
import { DEV_SERVER_ENV, projectPaths } from "./paths.js";
import { BuildFailed, count, formatProblem } from "./problem.ts";

export interface CliRun {
  readonly exitCode: number;
  /** How many posts the run rendered: none for a check, a failed build or one the cache served whole. */
  readonly rendered: number;
}

/** Runs the CLI for the project whose entry (main.js) is `entry`. */
export const runCli = async (entry: string, args: readonly string[]): Promise<CliRun> => {
  const paths = projectPaths(entry);
  const { values } = parseArgs({
    args: [...args],
    options: {
      preview: { type: "boolean", default: false },
      check: { type: "boolean", default: false },
      // Render every post afresh instead of reusing .cache/render, from the TypeScript sources rather
      // than .cache/compiled (main.js reads the flag first): what "cold" means in the benchmarks.
      "no-cache": { type: "boolean", default: false },
    },
  });
  const options = { ...paths, cacheDir: values["no-cache"] ? null : paths.cacheDir, mode: values.preview ? "preview" : "production" } as const;

  if (values.check) {
    const problem = staleness(values.preview || process.env[DEV_SERVER_ENV] !== "1" ? options : paths);
    if (problem !== null) {
      console.error(problem);
      return { exitCode: 1, rendered: 0 };
    }
    console.log("manifest is fresh");
    return { exitCode: 0, rendered: 0 };
  }
  try {
    const built = await buildManifest(options);
    console.log(builtReport(options.mode, built));
    return { exitCode: 0, rendered: built.rendered };
  } catch (error) {
    if (!(error instanceof BuildFailed)) throw error;
    for (const problem of error.problems) console.error(formatProblem(problem));
    console.error(`build failed: ${count(error.problems.length, "problem")}; the previous manifest was left as it was`);
    return { exitCode: 1, rendered: 0 };
  }
};
