// Links and images checked at build time, so a reader never meets a 404 the build could have seen.

import { absoluteUrl, CONVENTIONAL_REDIRECTS, otherSlashForm } from "../urls.ts";
import { decodePath, type ImageSizes, publicFile } from "./images.ts";
import type { Post } from "./post.ts";
import { type Problem, problemAt } from "./problem.ts";
import type { Target } from "./site-index.ts";

interface LinkContext {
  readonly index: ReadonlyMap<string, Target>;
  /** Today (YYYY-MM-DD, UTC): an essay dated later is scheduled, not yet public. */
  readonly today: string;
  /** Old path -> the canonical path it redirects to. */
  readonly redirects: ReadonlyMap<string, string>;
  readonly publicDir: string;
  readonly sizes: ImageSizes;
}

const SITE_ORIGIN = new URL(absoluteUrl("/")).origin;

const linkProblem = ({ entry, facts }: Post, url: string, target: URL, context: LinkContext): string | null => {
  const path = target.pathname;
  const found = context.index.get(path);
  if (!found) {
    if (publicFile(context.publicDir, path) !== null) return null;
    const alias = context.redirects.get(path);
    if (alias) return `links to ${url}, an old path that redirects: link to ${alias} instead`;
    const redirect =
      CONVENTIONAL_REDIRECTS.get(path) ?? (context.index.has(otherSlashForm(path)) ? otherSlashForm(path) : null);
    if (redirect) return `links to ${url}, which redirects: link to ${redirect} instead`;
    return `links to ${url}, which does not exist on this site`;
  }
  if (!entry.draft && found.draft) {
    return `links to ${url}, which is a draft (${found.what}): publish it first, or remove the link`;
  }
  // A link may point forward in time once the target is public; while the target is scheduled,
  // the link must not be public before it.
  const { date } = facts;
  const liveFrom = date !== null && date > context.today ? date : context.today;
  if (!entry.draft && found.from !== null && found.from > liveFrom) {
    const until = date === null ? "today" : `this essay goes live (${liveFrom})`;
    return `links to ${url}, which is scheduled for ${found.from}, after ${until}: it would be a 404 until then`;
  }
  const fragment = decodePath(target.hash.slice(1));
  if (fragment !== "" && found.anchors !== null && !found.anchors.has(fragment)) {
    const counted = "the ids of headings, footnotes and id attributes count; <a name> anchors do not";
    return `links to ${url}, but ${found.what} has no element with the id "${fragment}" (${counted})`;
  }
  return null;
};

const imageProblem = (url: string, target: URL, { publicDir, sizes }: LinkContext): string | null => {
  if (publicFile(publicDir, target.pathname) === null)
    return `shows the image ${url}, which does not exist: put the file at public${decodePath(target.pathname)}`;
  if (sizes(target.href, target.href) !== null) return null;
  return `shows the image ${url}, whose width and height cannot be read from the file: save it as PNG, JPEG, GIF, WebP, AVIF or SVG with a size`;
};

export const checkReferences = (posts: readonly Post[], context: LinkContext): Problem[] =>
  posts.flatMap((post) =>
    post.facts.references.flatMap(({ kind, url, line }): Problem[] => {
      const target = URL.parse(url, absoluteUrl(post.facts.path));
      const message =
        target === null
          ? `has a malformed URL: ${url}`
          : target.origin !== SITE_ORIGIN
            ? null
            : kind === "link"
              ? linkProblem(post, url, target, context)
              : imageProblem(url, target, context);
      return message === null ? [] : [problemAt(post.facts.file, line, message)];
    }),
  );
