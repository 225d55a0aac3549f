// Replaces a file all at once: readers see the old bytes or the new, never half, and a build that fails
// before the rename leaves the old file exactly as it was. Pieces are written in turn, never joined first.

import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { rename, rm, writeFile } from "node:fs/promises";
import { dirname } from "node:path";

const temporaryOf = (path: string): string => `${path}.${process.pid}.tmp`;

/** True when the file at `path` already holds `text`: rewriting it would wake whatever watches it for nothing. */
export const holds = (path: string, text: string): boolean => existsSync(path) && readFileSync(path, "utf8") === text;

export const writeAtomic = (path: string, ...pieces: readonly string[]): void => {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = temporaryOf(path);
  try {
    const fd = openSync(temporary, "w");
    try {
      for (const piece of pieces) writeSync(fd, piece);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
};

/**
 * The same for one small file whose folder exists, without blocking: a build writes thousands of
 * bodies and cards, and creating a file costs the file system more than writing it, so they are made side by side.
 */
export const writeAtomicAsync = async (path: string, contents: string | Uint8Array): Promise<void> => {
  const temporary = temporaryOf(path);
  try {
    await writeFile(temporary, contents);
    await rename(temporary, path);
  } finally {
    await rm(temporary, { force: true });
  }
};
