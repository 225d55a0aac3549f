// Running the README's npm commands in a project copy, as the author would.

import { spawnSync } from "node:child_process";

export interface NpmRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

export const npm = (cwd: string, args: readonly string[], env: NodeJS.ProcessEnv = {}): NpmRun => {
  const result = spawnSync("npm", ["run", "--silent", ...args], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, CI: "", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", ...env },
  });
  return { status: result.status ?? 1, stdout: result.stdout, stderr: result.stderr };
};

/** The lines of `text` that are problems in the file:line: message form. */
export const problemLines = (text: string): string[] => text.split("\n").filter((line) => /^[^\s:]+(?::\d+)?: /.test(line));
