// The posts folder read once per build: every entry by name, in a stable order, with its bytes,
// for both the input hash and the rendering (each used to read every post again).

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface FolderEntry {
  readonly name: string;
  /** The file's bytes, or null when the entry is not a file (a folder, say). */
  readonly bytes: Uint8Array | null;
}

export const readPostsFolder = (postsDir: string): FolderEntry[] =>
  readdirSync(postsDir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .map((entry) => ({ name: entry.name, bytes: entry.isFile() ? readFileSync(join(postsDir, entry.name)) : null }));
