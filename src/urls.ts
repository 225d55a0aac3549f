// The site's URL grammar: the one place that says which paths exist and which names they reserve.
// Listing and page URLs end in "/"; essay URLs and files do not. Both the build (to reject a page
// slug that would shadow a route) and the Worker (to route) read it from here.

import { SITE } from "./site.ts";

/** A slug: lowercase a-z0-9 words joined by single hyphens. */
export const SLUG_SOURCE = "[a-z0-9]+(?:-[a-z0-9]+)*";
export const SLUG_RE = new RegExp(`^${SLUG_SOURCE}$`);

const slug = (name: string): string => `:${name}{${SLUG_SOURCE}}`;

/** Hono route patterns for every kind of URL the Worker answers. */
export const ROUTES = {
  home: "/",
  writing: "/writing/",
  essay: `/writing/${slug("slug")}`,
  essayMarkdown: `/writing/:file{${SLUG_SOURCE}\\.md}`,
  atom: "/writing/feed.xml",
  rss: "/writing/rss.xml",
  jsonFeed: "/writing/feed.json",
  tags: "/tags/",
  tag: `/tags/${slug("tag")}/`,
  tagAtom: `/tags/${slug("tag")}/feed.xml`,
  tagRss: `/tags/${slug("tag")}/rss.xml`,
  tagJsonFeed: `/tags/${slug("tag")}/feed.json`,
  series: "/series/",
  oneSeries: `/series/${slug("series")}/`,
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  llms: "/llms.txt",
  page: `/${slug("slug")}/`,
} as const;

export type FeedFormat = "atom" | "rss" | "json";

export const PATHS = {
  home: "/",
  writing: "/writing/",
  essay: (slug: string): string => `/writing/${slug}`,
  essayMarkdown: (slug: string): string => `/writing/${slug}.md`,
  page: (slug: string): string => `/${slug}/`,
  tags: "/tags/",
  tag: (tag: string): string => `/tags/${tag}/`,
  series: "/series/",
  oneSeries: (series: string): string => `/series/${series}/`,
  /** The feed of every essay (tag null) or of one tag, in one format. */
  feed: (format: FeedFormat, tag: string | null = null): string =>
    `${tag === null ? "/writing/" : `/tags/${tag}/`}${{ atom: "feed.xml", rss: "rss.xml", json: "feed.json" }[format]}`,
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  llms: "/llms.txt",
} as const;

export const absoluteUrl = (path: string): string => `${SITE.baseUrl}${path}`;

export const FEED_FORMATS: readonly FeedFormat[] = ["atom", "rss", "json"];

/** What a set of public posts is made of, as far as URLs go. */
export interface SiteContent {
  readonly essays: readonly string[];
  readonly pages: readonly string[];
  readonly tags: readonly string[];
  readonly series: readonly string[];
}

/** Every canonical path that answers 200 for this content: the one list the Worker and the build share. */
export const sitePaths = ({ essays, pages, tags, series }: SiteContent): Set<string> => {
  const paths = new Set<string>([PATHS.home, PATHS.writing, PATHS.tags, PATHS.series, PATHS.sitemap, PATHS.robots, PATHS.llms]);
  for (const format of FEED_FORMATS) paths.add(PATHS.feed(format));
  for (const essay of essays) paths.add(PATHS.essay(essay)).add(PATHS.essayMarkdown(essay));
  for (const tag of tags) {
    paths.add(PATHS.tag(tag));
    for (const format of FEED_FORMATS) paths.add(PATHS.feed(format, tag));
  }
  for (const name of series) paths.add(PATHS.oneSeries(name));
  for (const page of pages) paths.add(PATHS.page(page));
  return paths;
};

const ESSAY_PATH_RE = new RegExp(`^/writing/${SLUG_SOURCE}$`);

/**
 * The redirects one alias of an essay makes, [old path, new path]. An old essay URL also had its
 * Markdown twin, so an alias shaped like /writing/<slug> redirects /writing/<slug>.md as well.
 */
export const aliasRedirects = (alias: string, slug: string): [string, string][] => [
  [alias, PATHS.essay(slug)],
  ...(ESSAY_PATH_RE.test(alias) ? [[`${alias}.md`, PATHS.essayMarkdown(slug)] as [string, string]] : []),
];

/** The same path with its trailing slash added or removed: the form that answers 301. */
export const otherSlashForm = (path: string): string => (path.endsWith("/") ? path.slice(0, -1) : `${path}/`);

/**
 * Top-level names a standalone page may not take, derived from the routes above so a new route
 * reserves its name without anyone remembering to list it.
 */
export const RESERVED_TOP_LEVEL_NAMES: ReadonlySet<string> = new Set(
  Object.entries(ROUTES)
    .filter(([name]) => name !== "page")
    .map(([, pattern]) => pattern.split("/")[1] ?? "")
    .filter((segment) => segment !== "" && !segment.startsWith(":")),
);
