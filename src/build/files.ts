// Listing files in a stable order, the same on every machine.

import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every file at or below `path`, sorted. */
export const filesUnder = (path: string): string[] =>
  statSync(path).isFile()
    ? [path]
    : readdirSync(path, { withFileTypes: true, recursive: true })
        .filter((entry) => entry.isFile())
        .map((entry) => join(entry.parentPath, entry.name))
        .sort();
