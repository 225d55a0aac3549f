// `npm run dev [-- wrangler dev options]`: the preview manifest, served by `wrangler dev`, rebuilt in
// this one process on every change in posts/ or public/ with the render cache kept in memory. A build
// with problems prints them and the last good one keeps serving; at start, problems stop it.

import { spawn } from "node:child_process";
import { watch } from "node:fs";
import { join, sep } from "node:path";
import { buildManifest, builtReport } from "./build.ts";
import { codeHash, isGeneratedPublicFile } from "./inputs.ts";
import { DEV_SERVER_ENV, projectPaths } from "./paths.ts";
import { BuildFailed, printProblems } from "./problem.ts";
import { openRenderCache } from "./render-cache.ts";

const DEFAULT_OPTIONS = { "--ip": "127.0.0.1", "--port": "8787" };
/** Editors save in bursts (temp file, rename, chmod); one rebuild per burst is enough. */
const SETTLE_MS = 50;

const paths = projectPaths();
// The code this process loaded, hashed once: its renders are kept under this hash, never a later one.
const cache = openRenderCache(paths.cacheFile, codeHash(paths.root));
let codeChanged: string | null = null;

const build = async (): Promise<boolean> => {
  try {
    console.log(`[dev] ${builtReport(await buildManifest({ ...paths, mode: "preview" }, cache))}`);
    return true;
  } catch (error) {
    if (error instanceof BuildFailed)
      printProblems(error.problems, "build failed: %n; still serving the last good build", "[dev] ");
    // A bug in the build must not take the preview down with it.
    else console.error("[dev] the build crashed; still serving the last good build:", error);
    return false;
  }
};

// One build at a time: a save during a build queues the next one behind it.
let building = Promise.resolve(true);
const rebuild = (): Promise<boolean> => (building = building.then(build));

if (!(await rebuild())) process.exit(1);

let pending: NodeJS.Timeout | undefined;
const schedule = (_event: string, name: string | null): void => {
  // The build writes its stylesheet and _headers into public/ itself, and editors leave temporary files.
  if (name !== null && (isGeneratedPublicFile(name) || name.endsWith(".tmp"))) return;
  if (codeChanged !== null) return console.warn(`[dev] not rebuilt: ${codeChanged} changed; restart npm run dev`);
  clearTimeout(pending);
  pending = setTimeout(() => void rebuild(), SETTLE_MS);
};
const watchers = [watch(paths.postsDir, schedule), watch(paths.publicDir, { recursive: true }, schedule)];
// The generator and the modules it shares with the Worker are loaded once (wrangler reloads the rest of
// src/): after a change to them this process stops building, rather than build with code that is gone.
const codeWatcher = watch(join(paths.root, "src"), { recursive: true }, (_event, name) => {
  if (name !== null && (name.startsWith(`generator${sep}`) || (!name.includes(sep) && name.endsWith(".ts")))) {
    codeChanged = `src/${name}`;
    console.warn(`[dev] ${codeChanged} changed: restart npm run dev to build with it`);
  }
});

// Options the author passes win over the defaults (`npm run dev -- --port 8788`).
const passed = process.argv.slice(2);
const given = (flag: string): boolean => passed.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
const defaults = Object.entries(DEFAULT_OPTIONS).flatMap(([flag, value]) => (given(flag) ? [] : [flag, value]));
const wrangler = spawn(join(paths.root, "node_modules", ".bin", "wrangler"), ["dev", ...defaults, ...passed], {
  cwd: paths.root,
  env: { ...process.env, [DEV_SERVER_ENV]: "1" },
  stdio: "inherit",
});

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => wrangler.kill(signal));
wrangler.on("exit", (code, signal) => {
  for (const watcher of [...watchers, codeWatcher]) watcher.close();
  clearTimeout(pending);
  process.exit(code ?? (signal ? 1 : 0));
});
