// Replaces a file all at once: readers see the old bytes or the new ones, never a half-written file,
// and a build that fails before the rename leaves the old file exactly as it was. JavaScript, like
// main.js, because compiled-build.js writes V8's code cache with it, and a run of the compiled build
// loads no TypeScript.

import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * @param {string} path
 * @param {string | Uint8Array} data
 */
export const writeAtomic = (path, data) => {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, path);
  } finally {
    rmSync(temporary, { force: true });
  }
};
