// A throwaway copy of the project, so tests can edit posts without touching the real ones.
// node_modules is linked, not copied.

import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CARDS_DIR } from "../../src/generator/inputs.ts";
import { BODIES_DIR } from "../../src/manifest.ts";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const COPIED = [
  ".gitignore",
  "biome.json",
  "package.json",
  "wrangler.toml",
  "worker-configuration.d.ts",
  "tsconfig.base.json",
  "tsconfig.json",
  "tsconfig.node.json",
  "published-urls.txt",
  "src",
  "posts",
  "public",
  "test",
  "scripts",
  ".githooks",
];

export interface ProjectCopy {
  readonly dir: string;
  readonly remove: () => void;
}

export interface CopyOptions {
  /**
   * Serve these posts instead of the project's own. The copy then starts with an empty ledger of
   * published URLs: those posts have never been published.
   */
  readonly posts?: string;
}

export const copyProject = ({ posts }: CopyOptions = {}): ProjectCopy => {
  const dir = mkdtempSync(join(tmpdir(), "fmlops-project-"));
  for (const entry of COPIED) {
    if (posts !== undefined && entry === "published-urls.txt") continue;
    const source = entry === "posts" && posts !== undefined ? posts : join(ROOT, entry);
    // What the build generates is left behind: the copy builds its own.
    const generated = [join("src", "generated"), join("public", BODIES_DIR), join("public", CARDS_DIR)];
    cpSync(source, join(dir, entry), {
      recursive: true,
      filter: (path) => !generated.some((folder) => path.includes(folder)),
    });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};
