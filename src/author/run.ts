// Running the project's own command-line tools (tsc, wrangler) from its node_modules, quietly.

import { spawn } from "node:child_process";
import { delimiter, join } from "node:path";

export interface Finished {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `command` from the project's node_modules/.bin in `root`, capturing its output. */
export const run = (
  root: string,
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Promise<Finished> =>
  new Promise((resolve, reject) => {
    const bin = join(root, "node_modules", ".bin");
    const child = spawn(join(bin, command), args, {
      cwd: root,
      env: {
        ...process.env,
        PATH: `${bin}${delimiter}${process.env["PATH"] ?? ""}`,
        WRANGLER_SEND_METRICS: "false",
        CLOUDFLARE_CF_FETCH_ENABLED: "false",
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (status) => resolve({ status: status ?? 1, stdout, stderr }));
  });
