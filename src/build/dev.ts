// `npm run dev [-- wrangler dev options]`: builds the preview manifest (drafts and scheduled essays
// included), starts `wrangler dev` on 127.0.0.1:8787, and rebuilds on every change in posts/,
// public/ (the stylesheet is fingerprinted by the build) and the code. A build with problems prints
// them and leaves the last good manifest in place, so the site keeps serving it. At start there is
// no good build of the current posts yet, so problems there stop it.

import { spawn } from "node:child_process";
import { watch } from "node:fs";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { buildManifest, builtReport } from "./build.ts";
import { DEV_SERVER_ENV, projectPaths } from "./paths.js";
import { BuildFailed, count, formatProblem } from "./problem.ts";
import { HEADERS_FILE, isGeneratedPublicFile } from "./public-files.ts";

const DEFAULT_OPTIONS = { "--ip": "127.0.0.1", "--port": "8787" };
/** Editors save in bursts (temp file, rename, chmod); one rebuild per burst is enough. */
const SETTLE_MS = 100;

const options = { ...projectPaths(fileURLToPath(import.meta.url)), mode: "preview" } as const;

const build = async (): Promise<boolean> => {
  try {
    console.log(`[dev] ${builtReport("preview", await buildManifest(options))}`);
    return true;
  } catch (error) {
    if (error instanceof BuildFailed) {
      for (const problem of error.problems) console.error(`[dev] ${formatProblem(problem)}`);
      console.error(`[dev] build failed: ${count(error.problems.length, "problem")}; still serving the last good build`);
    } else {
      // A bug in the build must not take the preview down with it.
      console.error(`[dev] the build crashed; still serving the last good build:`, error);
    }
    return false;
  }
};

// One build at a time: a save during a build queues the next one behind it.
let building = Promise.resolve(true);
const rebuild = (): Promise<boolean> => (building = building.then(build));

if (!(await rebuild())) process.exit(1);

// The build writes into src/generated/ and public/ itself; those writes must not trigger it again.
const GENERATED = [join("src", "generated"), join("public", HEADERS_FILE)];
const isGenerated = (path: string): boolean =>
  GENERATED.some((prefix) => path.startsWith(prefix)) || isGeneratedPublicFile(basename(path)) || path.endsWith(".tmp");

let pending: NodeJS.Timeout | undefined;
const schedule = (folder: string) => (_event: string, name: string | null) => {
  if (name !== null && isGenerated(join(folder, name))) return;
  clearTimeout(pending);
  pending = setTimeout(() => void rebuild(), SETTLE_MS);
};
const watchers = [
  watch(options.postsDir, schedule("posts")),
  watch(options.publicDir, { recursive: true }, schedule("public")),
  watch(join(options.root, "src"), { recursive: true }, schedule("src")),
];

// Options the author passes win over the defaults (`npm run dev -- --port 8788`).
const passed = process.argv.slice(2);
const given = (flag: string): boolean => passed.some((arg) => arg === flag || arg.startsWith(`${flag}=`));
const defaults = Object.entries(DEFAULT_OPTIONS).flatMap(([flag, value]) => (given(flag) ? [] : [flag, value]));
const wrangler = spawn(join(options.root, "node_modules", ".bin", "wrangler"), ["dev", ...defaults, ...passed], {
  cwd: options.root,
  env: { ...process.env, [DEV_SERVER_ENV]: "1" },
  stdio: "inherit",
});

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => wrangler.kill(signal));
}
wrangler.on("exit", (code, signal) => {
  for (const watcher of watchers) watcher.close();
  clearTimeout(pending);
  process.exit(code ?? (signal ? 1 : 0));
});
