// One formatting for every source file (biome.json): a file the formatter would change is a
// problem, which `npm run format` fixes.

import { relative } from "node:path";
import type { Problem } from "../generator/problem.ts";
import { run } from "./run.ts";

const UNFORMATTED_RE = /^::error title=format,file=([^,]+),/gm;

export const formatting = async (root: string): Promise<Problem[]> => {
  const result = await run(root, "biome", ["format", "--reporter=github", "."]);
  if (result.status === 0) return [];
  const files = [...result.stdout.matchAll(UNFORMATTED_RE)].map((match) => relative(root, match[1] ?? ""));
  if (files.length === 0)
    return [{ file: "biome.json", message: `biome failed: ${(result.stdout + result.stderr).trim()}` }];
  return files.map((file) => ({ file, message: "is not formatted as biome.json says: run `npm run format`" }));
};
