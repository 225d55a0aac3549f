// Starts the README's `npm run dev` on a free loopback port and stops it (its whole process group).

import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { QUIET_WRANGLER } from "../../src/author/run.ts";

export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port")),
      );
    });
  });

export interface DevServer {
  readonly origin: string;
  /** Everything the dev command printed so far, stdout and stderr together. */
  readonly output: () => string;
  readonly stop: () => Promise<void>;
}

const READY_TIMEOUT_MS = 45_000;

export const startDevServer = async (cwd: string): Promise<DevServer> => {
  const [port, inspectorPort] = [await freePort(), await freePort()];
  const configHome = mkdtempSync(join(tmpdir(), "fmlops-xdg-"));
  const child: ChildProcess = spawn(
    "npm",
    ["run", "dev", "--", "--port", String(port), "--inspector-port", String(inspectorPort)],
    {
      cwd,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
      env: {
        ...process.env,
        ...QUIET_WRANGLER,
        XDG_CONFIG_HOME: configHome,
      },
    },
  );
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, "SIGTERM");
    await exited;
    rmSync(configHome, { recursive: true, force: true });
  };

  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm run dev exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${origin}/`)).ok) return { origin, output: () => output, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  await stop();
  throw new Error(`npm run dev did not answer within ${READY_TIMEOUT_MS} ms:\n${output}`);
};

/** Polls `check` until it passes or the time is up; returns its last result. */
export const eventually = async (check: () => Promise<boolean>, timeoutMs = 20_000): Promise<boolean> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return check();
};
