// Internal links and images, checked at build time so a reader never meets a 404 the build could
// have seen: a link must reach a path the site serves, not through a redirect, not to a draft from
// a published post, not to a scheduled essay that goes live after the one linking to it, and not
// to a #fragment the target page lacks. An image on the site must exist in public/.

import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { absoluteUrl, CONVENTIONAL_REDIRECTS, otherSlashForm } from "../urls.ts";
import type { Problem } from "./problem.ts";
import type { Target } from "./site-index.ts";
import type { PostFacts } from "./post.ts";

export interface LinkSource {
  readonly facts: PostFacts;
  /** The essay's date (YYYY-MM-DD), or null for a page, which is always public. */
  readonly date: string | null;
  readonly draft: boolean;
}

export interface LinkContext {
  readonly index: ReadonlyMap<string, Target>;
  /** Today (YYYY-MM-DD, UTC): an essay dated later is scheduled, not yet public. */
  readonly today: string;
  /** Old path -> the canonical path it redirects to. */
  readonly aliases: ReadonlyMap<string, string>;
  readonly publicDir: string;
}

const SITE_ORIGIN = new URL(absoluteUrl("/")).origin;

const isPublicFile = (publicDir: string, path: string): boolean => {
  const file = join(publicDir, decodeURIComponent(path));
  return file.startsWith(publicDir) && existsSync(file) && statSync(file).isFile();
};

const problemWith = (source: LinkSource, url: string, target: URL, context: LinkContext): string | null => {
  const path = target.pathname;
  const found = context.index.get(path);
  if (!found) {
    if (isPublicFile(context.publicDir, path)) return null;
    const canonical = context.aliases.get(path);
    if (canonical) return `links to ${url}, an old path that redirects: link to ${canonical} instead`;
    const conventional = CONVENTIONAL_REDIRECTS.get(path);
    if (conventional) return `links to ${url}, which redirects: link to ${conventional} instead`;
    if (context.index.has(otherSlashForm(path))) return `links to ${url}, which redirects: link to ${otherSlashForm(path)} instead`;
    return `links to ${url}, which does not exist on this site`;
  }
  if (!source.draft && found.draft) return `links to ${url}, which is a draft (${found.what}): publish it first, or remove the link`;
  // A link may point forward in time once the target is public; while the target is scheduled,
  // the link must not be public before it.
  const liveFrom = source.date !== null && source.date > context.today ? source.date : context.today;
  if (!source.draft && found.from !== null && found.from > liveFrom) {
    return `links to ${url}, which is scheduled for ${found.from}, after ${source.date === null ? "today" : `this essay goes live (${liveFrom})`}: it would be a 404 until then`;
  }
  const fragment = decodeURIComponent(target.hash.slice(1));
  if (fragment !== "" && found.anchors !== null && !found.anchors.has(fragment)) {
    return `links to ${url}, but ${found.what} has no heading or footnote with the id "${fragment}"`;
  }
  return null;
};

export const checkReferences = (sources: readonly LinkSource[], context: LinkContext): Problem[] =>
  sources.flatMap((source) =>
    source.facts.references.flatMap(({ kind, url, line }): Problem[] => {
      const target = URL.parse(url, absoluteUrl(source.facts.path));
      if (target === null) return [{ file: source.facts.file, line, message: `has a malformed URL: ${url}` }];
      if (target.origin !== SITE_ORIGIN) return [];
      if (kind === "image") {
        return isPublicFile(context.publicDir, target.pathname)
          ? []
          : [{ file: source.facts.file, line, message: `shows the image ${url}, which does not exist: put the file at public${decodeURIComponent(target.pathname)}` }];
      }
      const message = problemWith(source, url, target, context);
      return message === null ? [] : [{ file: source.facts.file, line, message }];
    }),
  );
