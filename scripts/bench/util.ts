// Small helpers the bench sections share: statistics, child processes with a time limit (always
// stopped by PID), free ports on 127.0.0.1, gzip sizes, and plain-text tables.

import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const median = (values: readonly number[]): number => {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/**
 * Two measurements side by side, `a` first in even rounds and `b` first in odd ones, so neither
 * always runs on a machine the other just warmed (or loaded); returned as [a, b] either way.
 */
export const alternating = async <A, B>(round: number, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> => {
  if (round % 2 === 0) {
    const first = await a();
    return [first, await b()];
  }
  const second = await b();
  return [await a(), second];
};

export const gzipBytes = (data: string | Uint8Array): number => gzipSync(data).length;

export const kib = (bytes: number): number => bytes / 1024;

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Wall-clock seconds from spawn to exit. */
  readonly seconds: number;
  /** User + system CPU seconds of the command and its children (with `cpu`, when /usr/bin/time exists). */
  readonly cpuSeconds: number | null;
}

export interface RunOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  /** Killed (by PID, with its process group) after this many ms. */
  readonly timeoutMs?: number;
  /** Also measure CPU time, through /usr/bin/time. */
  readonly cpu?: boolean;
}

const TIME = "/usr/bin/time";

/** Runs a command to completion, capturing its output, and times it. Never throws on a non-zero exit. */
export const run = (command: string, args: readonly string[], { cwd, env = {}, timeoutMs = 600_000, cpu = false }: RunOptions): Promise<RunResult> =>
  new Promise((resolve, reject) => {
    const timeDir = cpu && existsSync(TIME) ? tempDir("fmlops-time-") : null;
    const timeFile = timeDir === null ? null : join(timeDir.dir, "time");
    const [file, argv] = timeFile === null ? [command, args] : [TIME, ["-f", "%U %S", "-o", timeFile, command, ...args]];
    const readCpu = (): number | null => {
      if (timeFile === null) return null;
      try {
        const [user, system] = readFileSync(timeFile, "utf8").trim().split("\n").at(-1)?.split(" ").map(Number) ?? [];
        return user === undefined || system === undefined ? null : user + system;
      } catch {
        return null;
      } finally {
        timeDir?.remove();
      }
    };
    const started = performance.now();
    const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"], detached: true });
    track(child);
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n[bench] ${command} killed after ${timeoutMs} ms`;
      killGroup(child.pid);
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (status) => {
      clearTimeout(timer);
      const seconds = (performance.now() - started) / 1000;
      resolve({ status, stdout, stderr, seconds, cpuSeconds: readCpu() });
    });
  });

/**
 * Every child the bench started and that has not exited, by PID. Each leads its own process group
 * (so a time limit can stop it with its children), which also means Ctrl-C does not reach it: on
 * SIGINT, SIGTERM or SIGHUP the bench stops them itself, by PID, then exits.
 */
const children = new Set<number>();

export const track = (child: ChildProcess): void => {
  const pid = child.pid;
  if (pid === undefined) return;
  children.add(pid);
  child.once("exit", () => children.delete(pid));
};

/** Temp directories and the like to remove if the bench is interrupted (normal paths remove their own). */
const cleanups = new Set<() => void>();

/** Registers `remove` for an interrupted run; returns `remove` that also unregisters it. */
export const removable = (remove: () => void): (() => void) => {
  const once = (): void => {
    cleanups.delete(once);
    remove();
  };
  cleanups.add(once);
  return once;
};

/** A temp directory removed on the normal path by the caller, and on an interrupted run by the bench. */
export const tempDir = (prefix: string): { readonly dir: string; readonly remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: removable(() => rmSync(dir, { recursive: true, force: true })) };
};

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
  process.once(signal, () => {
    const stopped = children.size;
    for (const pid of children) killGroup(pid);
    for (const remove of [...cleanups]) {
      try {
        remove();
      } catch {
        // best effort on the way out
      }
    }
    process.stderr.write(`[bench] ${signal}: stopped ${stopped} child process(es), removed the bench's temp files\n`);
    process.exit(130);
  });
}

/** Stops a process we started, and its children, by its PID (it leads its own process group). */
export const killGroup = (pid: number | undefined): void => {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGTERM");
  } catch {
    try {
      process.kill(pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
};

/** Polls until `probe` resolves true, or throws after `timeoutMs`. */
export const waitFor = async (what: string, probe: () => Promise<boolean>, timeoutMs = 30_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not become ready within ${timeoutMs} ms`);
};

export const fixed = (value: number | null | undefined, digits = 2): string => (value === null || value === undefined || !Number.isFinite(value) ? "n/a" : value.toFixed(digits));

/** A Markdown table; it also reads well as plain text. */
export const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  [`| ${head.join(" | ")} |`, `| ${head.map(() => "---").join(" | ")} |`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");

/** A ratio with two decimals, or three when two would round it onto its target (0.897 is not 0.90). */
export const ratioText = (value: number | null, target: number): string => {
  if (value === null || !Number.isFinite(value)) return "n/a";
  return `${value.toFixed(Math.abs(value - target) < 0.005 ? 3 : 2)}×`;
};

/** "met" or "MISSED", with the figure and the target, for the report. */
export const verdict = (met: boolean | null): string => (met === null ? "n/a" : met ? "met" : "MISSED");

export const log = (message: string): void => {
  process.stderr.write(`[bench] ${message}\n`);
};
