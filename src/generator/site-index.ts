// Every path the posts make, from when and for whom (built from src/urls.ts, which the Worker routes by,
// so the build cannot believe in a URL the Worker would not serve), and the aliases, each of which must be free.

import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "../manifest.ts";
import { aliasRedirects, BASE_PATHS, CONVENTIONAL_REDIRECTS, contentPaths, listsOf, otherSlashForm } from "../urls.ts";
import type { EssayEntry, NamedPost, Post } from "./post.ts";
import { type Problem, problemAt } from "./problem.ts";

export interface Target {
  /** What the path is, in words, for messages. */
  readonly what: string;
  /** The first day (YYYY-MM-DD) the path answers, or null when it always does. */
  readonly from: string | null;
  /** True when only drafts make the path exist: it is absent from production. */
  readonly draft: boolean;
  /** The ids in the page, when the path is a post: what a #fragment may name. */
  readonly anchors: ReadonlySet<string> | null;
}

/** The earliest date among published essays, or, when only drafts have it, the drafts' earliest. */
const availability = (essays: readonly EssayEntry[]): { from: string; draft: boolean } => {
  const published = essays.filter((essay) => !essay.draft);
  return {
    from: (published.length > 0 ? published : essays).map((essay) => essay.date).sort()[0] ?? "",
    draft: published.length === 0,
  };
};

/** A post whose file is named right but which did not render: its paths exist, what it holds is unknown. */
export type Unrendered = { readonly file: string; readonly name: NamedPost };

export const siteIndex = (
  essays: readonly Post<EssayEntry>[],
  pages: readonly Post<Page>[],
  unrendered: readonly Unrendered[] = [],
): Map<string, Target> => {
  const index = new Map<string, Target>();
  const add = (paths: Iterable<string>, target: Target): void => {
    for (const path of paths) index.set(path, target);
  };
  add(BASE_PATHS, { what: "a page of the site", from: null, draft: false, anchors: null });
  // Links to such a post are taken on trust (no draft, date or #fragment check) until it renders.
  for (const { file, name } of unrendered) {
    const content = name.kind === "essay" ? { essays: [name.slug] } : { pages: [name.slug] };
    const from = name.kind === "essay" ? name.date : null;
    add(contentPaths(content), { what: `the ${name.kind} ${file}`, from, draft: false, anchors: null });
  }
  for (const { entry, facts } of [...pages, ...essays]) {
    const target = {
      what: `the ${facts.date === null ? "page" : "essay"} ${facts.file}`,
      from: facts.date,
      draft: entry.draft,
    };
    add(contentPaths(facts.date === null ? { pages: [entry.slug] } : { essays: [entry.slug] }), {
      ...target,
      anchors: null,
    });
    index.set(facts.path, { ...target, anchors: new Set(facts.anchors) });
  }
  const { tags, series } = listsOf(essays.map(({ entry }) => entry));
  for (const [tag, tagged] of tags)
    add(contentPaths({ tags: [tag] }), { what: `the tag ${tag}`, ...availability(tagged), anchors: null });
  for (const [name, parts] of series)
    add(contentPaths({ series: [name] }), { what: `the series ${name}`, ...availability(parts), anchors: null });
  return index;
};

/** The redirects the essays' aliases make (old path -> canonical path), and the aliases that are not free. */
export const aliasesOf = (
  essays: readonly Post<EssayEntry>[],
  index: ReadonlyMap<string, Target>,
  publicDir: string,
) => {
  const redirects = new Map<string, string>();
  const owners = new Map<string, string>();
  const problems: Problem[] = [];
  for (const { entry, facts } of essays) {
    for (const alias of entry.aliases) {
      const other = otherSlashForm(alias);
      const conventional = CONVENTIONAL_REDIRECTS.has(alias) || CONVENTIONAL_REDIRECTS.has(other);
      const taken =
        index.get(alias)?.what ?? index.get(other)?.what ?? (conventional ? "a conventional redirect" : null);
      const owner = owners.get(alias);
      const problem = taken
        ? `the alias ${alias} is already a URL of this site (${taken}); remove it from \`aliases\``
        : existsSync(join(publicDir, alias))
          ? `the alias ${alias} is a file in public/; remove it from \`aliases\``
          : owner && `the alias ${alias} is also claimed by ${owner}; keep it on one essay`;
      if (problem) problems.push(problemAt(facts.file, facts.lines.aliases, problem));
      else {
        owners.set(alias, facts.file);
        for (const [from, to] of aliasRedirects(alias, entry.slug)) redirects.set(from, to);
      }
    }
  }
  return { redirects, problems };
};
