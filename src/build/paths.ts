// Where the real project keeps its posts, its static files, its ledger and its generated manifest.

import { join, resolve } from "node:path";

/** The published-URL ledger, committed at the top of the repository. */
export const LEDGER_FILE = "published-urls.txt";

export const projectPaths = (fromFile: string) => {
  const root = resolve(fromFile, "..", "..", "..");
  return {
    root,
    postsDir: join(root, "posts"),
    publicDir: join(root, "public"),
    outFile: join(root, "src", "generated", "manifest.ts"),
    ledgerFile: join(root, LEDGER_FILE),
  };
};
