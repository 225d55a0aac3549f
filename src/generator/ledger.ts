// The published-URL ledger: every URL the site has made public must keep answering, with a 200 or an
// alias's 301; the build fails the day a change would break one, and says how to keep it.

import { existsSync, readFileSync } from "node:fs";
import { type Problem, problemAt } from "./problem.ts";
import type { Target } from "./site-index.ts";

export const LEDGER_HEADER = [
  "# Every URL fmlops.dev has made public, one path a line, oldest first. `npm run check` appends the new",
  "# ones (and the pre-commit hook runs it); never remove or edit a line. The build fails when one of these",
  "# stops answering 200 or a 301 from an essay's `aliases`.",
];

export type LedgerEntry = { readonly path: string; readonly line: number };

/** The ledger's paths with their lines; an absent ledger is an empty one. */
export const readLedger = (file: string): LedgerEntry[] =>
  (existsSync(file) ? readFileSync(file, "utf8").split("\n") : []).flatMap((text, i) =>
    text.trim() === "" || text.startsWith("#") ? [] : [{ path: text.trim(), line: i + 1 }],
  );

/** True when `target` answers 200 in production on `today`. */
const isPublic = (target: Target | undefined, today: string): boolean =>
  target !== undefined && !target.draft && (target.from === null || target.from <= today);

/** Every path that answers 200 in production today, sorted: what the ledger must hold. */
export const publicPaths = (index: ReadonlyMap<string, Target>, today: string): string[] =>
  [...index].flatMap(([path, target]) => (isPublic(target, today) ? [path] : [])).sort();

/** `displayFile` names the ledger in messages; `redirects` maps old paths to canonical ones. */
export const checkLedger = (
  entries: readonly LedgerEntry[],
  {
    index,
    redirects,
    today,
    displayFile,
  }: { index: ReadonlyMap<string, Target>; redirects: ReadonlyMap<string, string>; today: string; displayFile: string },
): Problem[] =>
  entries.flatMap(({ path, line }): Problem[] => {
    const redirect = redirects.get(path);
    if (isPublic(index.get(path), today) || (redirect !== undefined && isPublic(index.get(redirect), today))) return [];
    const fix = `add "${path}" to the \`aliases\` of the essay that replaces it (keeping that essay's old \`id\`), or restore it`;
    return [problemAt(displayFile, line, `${path} was published and no longer resolves: ${fix}`)];
  });
