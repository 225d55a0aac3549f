// Command-line tools some tests need from the system, not from npm: CI must have them (a missing one
// fails the test), a laptop without one skips those tests with one line saying what to install.

import { accessSync, constants, statSync } from "node:fs";
import { delimiter, join } from "node:path";
import { inCi } from "../../src/author/ci.ts";


const onPath = (command: string): boolean =>
  (process.env["PATH"] ?? "").split(delimiter).some((dir) => {
    if (dir === "") return false;
    const file = join(dir, command);
    try {
      accessSync(file, constants.X_OK);
      return statSync(file).isFile();
    } catch {
      return false;
    }
  });

const warned = new Set<string>();

/**
 * Whether `command` is on the PATH. When it is not: under CI, throws (naming the Debian package to
 * install); otherwise prints one line, once per command, and returns false so the caller can skip.
 */
export const requireTool = (command: string, debianPackage: string): boolean => {
  if (onPath(command)) return true;
  const install = `apt-get install -y ${debianPackage}`;
  if (inCi()) throw new Error(`${command} is not on the PATH, and CI must run every test: ${install}`);
  if (!warned.has(command)) {
    warned.add(command);
    console.warn(`skipping the tests that need ${command}, which is not on the PATH: ${install}`);
  }
  return false;
};
