// Where the real project keeps its posts, its static files and its generated manifest.

import { join, resolve } from "node:path";

export const projectPaths = (fromFile: string) => {
  const root = resolve(fromFile, "..", "..", "..");
  return { root, postsDir: join(root, "posts"), publicDir: join(root, "public"), outFile: join(root, "src", "generated", "manifest.ts") };
};
