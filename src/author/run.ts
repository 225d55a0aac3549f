// Running the project's own command-line tools (tsc, wrangler, biome) from its node_modules, quietly.

import { execFile } from "node:child_process";
import { delimiter, join } from "node:path";

/** What keeps wrangler from phoning home or asking the network for account details, wherever it runs. */
export const QUIET_WRANGLER = { WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false" } as const;

type Finished = { readonly status: number; readonly stdout: string; readonly stderr: string };

/** Runs `command` from the project's node_modules/.bin in `root`, capturing its output. */
export const run = (root: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv = {}) =>
  new Promise<Finished>((resolve) => {
    const bin = join(root, "node_modules", ".bin");
    const options = {
      cwd: root,
      env: { ...process.env, PATH: `${bin}${delimiter}${process.env["PATH"]}`, ...QUIET_WRANGLER, ...env },
    };
    execFile(join(bin, command), args, { ...options, maxBuffer: 256 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ status: error === null ? 0 : typeof error.code === "number" ? error.code : 1, stdout, stderr });
    });
  });
