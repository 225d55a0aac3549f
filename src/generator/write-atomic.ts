// Replaces a file all at once: readers see the old bytes or the new, never half, and a build that fails
// before the rename leaves the old file exactly as it was. Pieces are written in turn, never joined first.

import { closeSync, mkdirSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";

export const writeAtomic = (path: string, ...pieces: readonly string[]): void => {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
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
