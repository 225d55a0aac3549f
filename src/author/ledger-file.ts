// Keeping published-urls.txt current: new public URLs are appended (oldest lines never move) and
// the file is staged, so the commit that publishes a URL also records it. CI only verifies.

import { existsSync, readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname } from "node:path";
import { LEDGER_HEADER, readLedger } from "../generator/ledger.ts";
import { writeAtomic } from "../generator/write-atomic.ts";

/** The public paths the ledger lacks, in order. */
export const missingFromLedger = (ledgerFile: string, publicPaths: readonly string[]): string[] => {
  const recorded = new Set(readLedger(ledgerFile).map((entry) => entry.path));
  return publicPaths.filter((path) => !recorded.has(path));
};

/** Appends `paths` and stages the file when the project is a git repository; returns whether it staged. */
export const appendToLedger = (ledgerFile: string, paths: readonly string[]): boolean => {
  const current = existsSync(ledgerFile) ? readFileSync(ledgerFile, "utf8") : `${LEDGER_HEADER.join("\n")}\n`;
  writeAtomic(ledgerFile, `${current.endsWith("\n") ? current : `${current}\n`}${paths.join("\n")}\n`);
  const cwd = dirname(ledgerFile);
  if (spawnSync("git", ["rev-parse", "--git-dir"], { cwd, stdio: "ignore" }).status !== 0) return false;
  return spawnSync("git", ["add", "--", ledgerFile], { cwd, stdio: "ignore" }).status === 0;
};
