// The site's URL grammar, which the build (links, aliases, page slugs) and the Worker (routes) share.
// Listing and page URLs end in "/"; essay URLs and files do not.

import { SITE } from "./site.ts";

/** A slug: lowercase a-z0-9 words joined by single hyphens. */
export const SLUG_SOURCE = "[a-z0-9]+(?:-[a-z0-9]+)*";
export const SLUG_RE = new RegExp(`^${SLUG_SOURCE}$`);

/** The feed formats: the file each is served as, its media type, and its name for readers. */
export const FEEDS = {
  atom: { file: "feed.xml", mediaType: "application/atom+xml", label: "Atom" },
  rss: { file: "rss.xml", mediaType: "application/rss+xml", label: "RSS" },
  json: { file: "feed.json", mediaType: "application/feed+json", label: "JSON Feed" },
} as const;
export type FeedFormat = keyof typeof FEEDS;
export const FEED_FORMATS = Object.keys(FEEDS) as FeedFormat[];

const slug = (name: string): string => `:${name}{${SLUG_SOURCE}}`;

/** Hono route patterns for every kind of URL the Worker answers. */
export const ROUTES = {
  home: "/",
  writing: "/writing/",
  essay: `/writing/${slug("slug")}`,
  essayMarkdown: `/writing/:file{${SLUG_SOURCE}\\.md}`,
  tags: "/tags/",
  tag: `/tags/${slug("tag")}/`,
  series: "/series/",
  oneSeries: `/series/${slug("series")}/`,
  sitemap: "/sitemap.xml",
  robots: "/robots.txt",
  llms: "/llms.txt",
  search: "/search",
  page: `/${slug("slug")}/`,
} as const;

/** The route of one feed format, of the whole site (under /writing/) or of a tag. */
export const feedRoute = (format: FeedFormat, perTag: boolean): string =>
  `${perTag ? ROUTES.tag : ROUTES.writing}${FEEDS[format].file}`;

/** A route pattern with its parameters filled in: fill(ROUTES.tag, { tag: "llm" }) is "/tags/llm/". */
const fill = (pattern: string, values: Readonly<Record<string, string>>): string =>
  pattern.replace(/:(\w+)\{[^}]*\}/g, (_match, name: string) => values[name] ?? "");

export const PATHS = {
  ...ROUTES,
  essay: (slug: string): string => fill(ROUTES.essay, { slug }),
  essayMarkdown: (slug: string): string => fill(ROUTES.essayMarkdown, { file: `${slug}.md` }),
  page: (slug: string): string => fill(ROUTES.page, { slug }),
  tag: (tag: string): string => fill(ROUTES.tag, { tag }),
  oneSeries: (series: string): string => fill(ROUTES.oneSeries, { series }),
  /** The feed of every essay (tag null) or of one tag, in one format. */
  feed: (format: FeedFormat, tag: string | null = null): string =>
    fill(feedRoute(format, tag !== null), { tag: tag ?? "" }),
} as const;

/** Addresses readers try by habit, answered with a 301 to the real one; never published, never linked. */
export const CONVENTIONAL_REDIRECTS: ReadonlyMap<string, string> = new Map([
  ["/feed/", PATHS.feed("atom")],
  ["/rss/", PATHS.feed("rss")],
  ["/feed.xml", PATHS.feed("atom")],
  ["/atom.xml", PATHS.feed("atom")],
  ["/rss.xml", PATHS.feed("rss")],
  ["/index.xml", PATHS.feed("rss")],
  ["/feed.json", PATHS.feed("json")],
  ["/archive/", PATHS.writing],
]);

/** Ids the layout gives elements of every page; heading ids avoid them, so "## Main" cannot take the skip link's. */
export const LAYOUT_IDS = {
  main: "main",
  contents: "toc-title",
  series: "series-title",
  related: "related-title",
  search: "site-search",
  intro: "intro-title",
  latest: "latest-title",
};

export const absoluteUrl = (path: string): string => `${SITE.baseUrl}${path}`;

/** What a set of public posts is made of, as far as URLs go. */
export interface SiteContent {
  readonly essays: readonly string[];
  readonly pages: readonly string[];
  readonly tags: readonly string[];
  readonly series: readonly string[];
}

/** The canonical paths that answer 200 whatever the content: the routes without parameters, and the site's feeds. */
export const BASE_PATHS: readonly string[] = [
  ...Object.values(ROUTES).filter((route) => !route.includes(":")),
  ...FEED_FORMATS.map((format) => PATHS.feed(format)),
];

/** The canonical paths some content adds to BASE_PATHS. */
export const contentPaths = (content: Partial<SiteContent>, paths = new Set<string>()): Set<string> => {
  for (const essay of content.essays ?? []) paths.add(PATHS.essay(essay)).add(PATHS.essayMarkdown(essay));
  for (const tag of content.tags ?? []) {
    paths.add(PATHS.tag(tag));
    for (const format of FEED_FORMATS) paths.add(PATHS.feed(format, tag));
  }
  for (const name of content.series ?? []) paths.add(PATHS.oneSeries(name));
  for (const page of content.pages ?? []) paths.add(PATHS.page(page));
  return paths;
};

/** Every canonical path that answers 200 for this content: the one list the Worker and the build share. */
export const sitePaths = (content: SiteContent): Set<string> => contentPaths(content, new Set(BASE_PATHS));

const ESSAY_PATH_RE = new RegExp(`^${ROUTES.writing}${SLUG_SOURCE}$`);

/** The redirects an alias makes, [old, new]: an old /writing/<slug> had its .md twin, which redirects too. */
export const aliasRedirects = (alias: string, slug: string): [string, string][] => [
  [alias, PATHS.essay(slug)],
  ...(ESSAY_PATH_RE.test(alias) ? [[`${alias}.md`, PATHS.essayMarkdown(slug)] as [string, string]] : []),
];

/** The same path with its trailing slash added or removed: the form that answers 301. */
export const otherSlashForm = (path: string): string => (path.endsWith("/") ? path.slice(0, -1) : `${path}/`);

/** Top-level names a page may not take, from the routes and redirects above, so a new one reserves its own. */
export const RESERVED_TOP_LEVEL_NAMES: ReadonlySet<string> = new Set(
  [...Object.values(ROUTES).filter((route) => route !== ROUTES.page), ...CONVENTIONAL_REDIRECTS.keys()]
    .map((path) => path.split("/")[1] ?? "")
    .filter((segment) => segment !== "" && !segment.startsWith(":")),
);

/** The tag and series pages some essays make, each with its essays in the order given. */
export const listsOf = <E extends { readonly tags: readonly string[]; readonly series: string | null }>(
  essays: readonly E[],
) => {
  const lists = { tags: new Map<string, E[]>(), series: new Map<string, E[]>() };
  const add = (list: Map<string, E[]>, key: string, essay: E): void => {
    const group = list.get(key);
    if (group === undefined) list.set(key, [essay]);
    else group.push(essay);
  };
  for (const essay of essays) {
    for (const tag of essay.tags) add(lists.tags, tag, essay);
    if (essay.series !== null) add(lists.series, essay.series, essay);
  }
  return lists;
};
