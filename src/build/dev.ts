// `npm run dev [-- wrangler dev options]`: builds the preview manifest (drafts included), starts
// `wrangler dev` on 127.0.0.1:8787, and rebuilds on every change in posts/. A build with problems
// prints them and leaves the last good manifest in place, so the site keeps serving it.

import { spawn } from "node:child_process";
import { watch } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildManifest } from "./build.ts";
import { projectPaths } from "./paths.ts";
import { BuildFailed, count, formatProblem } from "./problem.ts";

const DEFAULT_OPTIONS = { "--ip": "127.0.0.1", "--port": "8787" };
/** Editors save in bursts (temp file, rename, chmod); one rebuild per burst is enough. */
const SETTLE_MS = 100;

const options = { ...projectPaths(fileURLToPath(import.meta.url)), mode: "preview" } as const;

const rebuild = (): boolean => {
  try {
    const { manifest } = buildManifest(options);
    console.log(`[dev] built preview manifest: ${count(manifest.essays.length, "essay")}, ${count(manifest.pages.length, "page")}`);
    return true;
  } catch (error) {
    if (!(error instanceof BuildFailed)) throw error;
    for (const problem of error.problems) console.error(`[dev] ${formatProblem(problem)}`);
    console.error(`[dev] build failed: ${count(error.problems.length, "problem")}; still serving the last good build`);
    return false;
  }
};

if (!rebuild()) process.exit(1);

let pending: NodeJS.Timeout | undefined;
const watcher = watch(options.postsDir, () => {
  clearTimeout(pending);
  pending = setTimeout(rebuild, SETTLE_MS);
});

// Options the author passes win over the defaults (`npm run dev -- --port 8788`).
const passed = process.argv.slice(2);
const given = (flag: string): boolean => passed.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
const defaults = Object.entries(DEFAULT_OPTIONS).flatMap(([flag, value]) => (given(flag) ? [] : [flag, value]));
const wrangler = spawn(join(options.root, "node_modules", ".bin", "wrangler"), ["dev", ...defaults, ...passed], {
  cwd: options.root,
  stdio: "inherit",
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => wrangler.kill(signal));
}
wrangler.on("exit", (code, signal) => {
  watcher.close();
  clearTimeout(pending);
  process.exit(code ?? (signal ? 1 : 0));
});
