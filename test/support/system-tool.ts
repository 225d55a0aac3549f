// Command-line tools some tests need from the system, not from npm: CI must have them (a missing one
// fails the test), a laptop without one skips those tests with one line saying what to install.

import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { inCi } from "../../src/author/ci.ts";

const executable = (file: string): boolean => {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
};

/** Whether `command` is an executable on PATH, found without starting a shell. */
export const onPath = (command: string): boolean =>
  (process.env["PATH"] ?? "").split(delimiter).some((dir) => dir !== "" && executable(join(dir, command)));

const warned = new Set<string>();

/** Under CI, throws; otherwise prints one line, once per tool, and returns false so the caller can skip. */
const missing = (tool: string, problem: string, install: string): false => {
  if (inCi()) throw new Error(`${tool} ${problem}, and CI must run every test: ${install}`);
  if (!warned.has(tool)) {
    warned.add(tool);
    console.warn(`skipping the tests that need ${tool}, which ${problem}: ${install}`);
  }
  return false;
};

/**
 * Whether `command` is on the PATH. When it is not: under CI, throws (naming the Debian package to
 * install); otherwise prints one line, once per command, and returns false so the caller can skip.
 */
export const requireTool = (command: string, debianPackage: string): boolean => {
  if (onPath(command)) return true;
  return missing(command, "is not on the PATH", `apt-get install -y ${debianPackage}`);
};

/**
 * The same for a program named by its path (e.g. Chromium at /usr/bin/chromium, or wherever
 * `setting` points): whether `file` is an executable file; if not, throws under CI, else one line.
 */
export const requireExecutable = (file: string, debianPackage: string, setting: string): boolean => {
  if (executable(file)) return true;
  return missing(file, "is not an executable file", `apt-get install -y ${debianPackage} (or set ${setting})`);
};
