// Listing files in a stable order, the same on every machine. JavaScript, like main.js, because the
// entry lists the build's sources before it knows whether any TypeScript needs loading.

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/**
 * Every file at or below `path`, sorted.
 * @param {string} path
 * @returns {string[]}
 */
export const filesUnder = (path) =>
  statSync(path).isFile()
    ? [path]
    : readdirSync(path, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .sort();
