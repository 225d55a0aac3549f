// Running the README's npm commands in a project copy, as the author would.

import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import { join } from "node:path";
import { GENERATOR } from "../../src/generator/paths.ts";
import { QUIET_WRANGLER } from "../../src/author/run.ts";

export interface NpmRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const npm = (cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): NpmRun => {
  const result = spawnSync("npm", ["run", "--silent", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CI: "", ...QUIET_WRANGLER, ...env },
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
};

/** The build's entry (`node src/generator/cli.ts`) in a project copy, as `npm run build` runs it, without npm in between. */
export const buildIn = (cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): SpawnSyncReturns<string> =>
  spawnSync(process.execPath, [GENERATOR, ...args], { cwd, encoding: "utf8", env: { ...process.env, ...env } });

/**
 * `wrangler deploy --dry-run` in a project copy: offline, sending nothing, its config kept in
 * `outDir` (the copy's dist/ by default), and `extra` arguments after.
 */
export const dryRunIn = (
  cwd: string,
  outDir = join(cwd, "dist"),
  extra: readonly string[] = [],
): SpawnSyncReturns<string> =>
  spawnSync(join(cwd, "node_modules/.bin/wrangler"), ["deploy", "--dry-run", "--outdir", outDir, ...extra], {
    cwd,
    encoding: "utf8",
    env: {
      ...process.env,
      ...QUIET_WRANGLER,
      XDG_CONFIG_HOME: outDir,
    },
  });
