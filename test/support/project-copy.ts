// A throwaway copy of the project, so tests can edit posts without touching the real ones.
// node_modules is linked, not copied.

import { cpSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));

const COPIED = ["package.json", "wrangler.toml", "src", "posts", "public"];

export interface ProjectCopy {
  readonly dir: string;
  readonly remove: () => void;
}

export const copyProject = (): ProjectCopy => {
  const dir = mkdtempSync(join(tmpdir(), "fmlops-project-"));
  for (const entry of COPIED) {
    cpSync(join(ROOT, entry), join(dir, entry), { recursive: true, filter: (source) => !source.includes(`${join("src", "generated")}`) });
  }
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
};
