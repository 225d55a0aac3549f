// What the sections share: medians, side-by-side order, child processes with a time limit that are
// always stopped by their PID (on Ctrl-C too), temp folders, and Markdown tables.

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** `a` then `b` in even rounds, `b` then `a` in odd ones, so neither always meets a machine the other warmed. */
export const alternating = async <A, B>(round: number, a: () => Promise<A>, b: () => Promise<B>): Promise<[A, B]> => {
  if (round % 2 === 0) return [await a(), await b()];
  const second = await b();
  return [await a(), second];
};

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
export const gzipBytes = (data: string | Uint8Array): number => gzipSync(data).length;
export const kib = (bytes: number): number => bytes / 1024;
export const log = (message: string): void => void process.stderr.write(`[bench] ${message}\n`);

// Each child leads its own process group, so stopping it stops its children too; that also keeps
// Ctrl-C from reaching them, so on a signal the bench stops them itself, by PID.
const children = new Set<number>();
const cleanups = new Set<() => void>();

export interface StartOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly onOutput?: (chunk: string) => void;
}

/** Starts a command in a process group of its own; `output()` is what it printed (the last MB). */
export const start = (command: string, args: readonly string[], { cwd, env, onOutput }: StartOptions) => {
  const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: "pipe", detached: true });
  const pid = child.pid;
  if (pid !== undefined) children.add(pid);
  child.once("exit", () => children.delete(pid ?? 0));
  let output = "";
  for (const stream of [child.stdout, child.stderr])
    stream.setEncoding("utf8").on("data", (chunk: string) => {
      output = (output + chunk).slice(-1_000_000);
      onOutput?.(chunk);
    });
  return { child, output: () => output };
};

const signalGroup = (pid: number | undefined, signal: NodeJS.Signals): void => {
  try {
    if (pid !== undefined) process.kill(-pid, signal);
  } catch {
    // already gone
  }
};

/** SIGTERM to its group, SIGKILL if it is still there after 10 s; resolves once it has exited. */
export const stop = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  signalGroup(child.pid, "SIGTERM");
  const timer = setTimeout(() => signalGroup(child.pid, "SIGKILL"), 10_000);
  await exited;
  clearTimeout(timer);
};

/**
 * CPU time (ms) used so far by every thread of every process in the group `pgid` (a server started above
 * leads its own): Linux's per-thread schedstat counts nanoseconds, where a process's stat counts 10 ms ticks.
 */
export const groupCpuMs = (pgid: number): number => {
  let ns = 0;
  for (const pid of readdirSync("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      // After "(comm) ": state, ppid, pgrp.
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]) !== pgid) continue;
      for (const tid of readdirSync(`/proc/${pid}/task`))
        ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").split(" ")[0]);
    } catch {
      // The process or thread ended while it was read.
    }
  }
  return ns / 1e6;
};

/** Runs a command to completion, stopped after `timeoutMs`; never throws on a non-zero exit. */
export const run = async (command: string, args: readonly string[], options: StartOptions & { timeoutMs: number }) => {
  const began = performance.now();
  const { child, output } = start(command, args, options);
  const timer = setTimeout(() => void stop(child), options.timeoutMs);
  const status = await new Promise<number | null>((resolve, reject) => {
    child.once("error", reject);
    child.once("close", resolve);
  }).finally(() => clearTimeout(timer));
  return { status, output: output(), seconds: (performance.now() - began) / 1000 };
};

/** Registers `remove` to run if the bench is interrupted; returns it, made to run once. */
export const removable = (remove: () => void): (() => void) => {
  const once = (): void => void (cleanups.delete(once) && remove());
  cleanups.add(once);
  return once;
};

export const tempDir = (prefix: string): { readonly dir: string; readonly remove: () => void } => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, remove: removable(() => rmSync(dir, { recursive: true, force: true })) };
};

for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const)
  process.once(signal, () => {
    for (const pid of children) signalGroup(pid, "SIGTERM");
    for (const remove of cleanups) remove();
    log(`${signal}: stopped the bench's child processes and removed its temp folders`);
    process.exit(130);
  });

/** A Markdown table, its head given as "a | b | c"; it reads well as plain text too. */
export const table = (head: string, rows: readonly (readonly string[])[]): string => {
  const columns = head.split(" | ");
  return [columns, columns.map(() => "---"), ...rows].map((row) => `| ${row.join(" | ")} |`).join("\n");
};

export const fixed = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined || !Number.isFinite(value) ? "n/a" : value.toFixed(digits);

/** A ratio with two decimals, or three when two would round it onto its target (0.897 is not 0.90). */
export const ratio = (value: number | null, target = Number.NaN): string =>
  fixed(value, Math.abs((value ?? 0) - target) < 0.005 ? 3 : 2).replace(/\d$/, "$&×");
