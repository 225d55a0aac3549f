// Old paths that answer 301 to an essay. Each must be free: not a URL the site serves or redirects
// (in either slash form), not a static file, and claimed by one essay only.

import { existsSync } from "node:fs";
import { join } from "node:path";
import { aliasRedirects, CONVENTIONAL_REDIRECTS, otherSlashForm } from "../urls.ts";
import type { Problem } from "./problem.ts";
import type { IndexedEssay, Target } from "./site-index.ts";

export interface Aliases {
  /** Old path -> the canonical path it redirects to. */
  readonly redirects: ReadonlyMap<string, string>;
  readonly problems: readonly Problem[];
}

export const checkAliases = (essays: readonly IndexedEssay[], index: ReadonlyMap<string, Target>, publicDir: string): Aliases => {
  const redirects = new Map<string, string>();
  const owners = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { essay, facts } of essays) {
    const line = facts.lines.aliases;
    for (const alias of essay.aliases) {
      const taken =
        index.get(alias) ??
        index.get(otherSlashForm(alias)) ??
        (CONVENTIONAL_REDIRECTS.has(alias) || CONVENTIONAL_REDIRECTS.has(otherSlashForm(alias)) ? { what: "a conventional redirect" } : undefined);
      const owner = owners.get(alias);
      if (taken) {
        problems.push({ file: facts.file, line, message: `the alias ${alias} is already a URL of this site (${taken.what}); remove it from \`aliases\`` });
      } else if (existsSync(join(publicDir, alias))) {
        problems.push({ file: facts.file, line, message: `the alias ${alias} is a file in public/; remove it from \`aliases\`` });
      } else if (owner) {
        problems.push({ file: facts.file, line, message: `the alias ${alias} is also claimed by ${owner}; keep it on one essay` });
      } else {
        owners.set(alias, facts.file);
        for (const [from, to] of aliasRedirects(alias, essay.slug)) redirects.set(from, to);
      }
    }
  }
  return { redirects, problems };
};
