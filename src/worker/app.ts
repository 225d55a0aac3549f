// The Hono app: middleware and routes, built around one manifest. Tests build it around fixture
// manifests and a clock of their choosing; index.ts builds it around the generated manifest.

import { Hono, type Context } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Manifest } from "../manifest.ts";
import { SECURITY_HEADERS } from "../security.ts";
import { CACHE_POLICY } from "../site.ts";
import { FEED_FORMATS, FEEDS, feedRoute, ROUTES, type FeedFormat } from "../urls.ts";
import { canonicalHost } from "./canonical-host.ts";
import { canonicalSpelling } from "./canonical-spelling.ts";
import { llmsTxt } from "./discovery/llms.ts";
import { robotsTxt } from "./discovery/robots.ts";
import { sitemap } from "./discovery/sitemap.ts";
import { epochs } from "./epoch.ts";
import { fallback } from "./fallback.ts";
import { atomFeed } from "./feeds/atom.ts";
import { feedSource, type FeedSource } from "./feeds/feed-source.ts";
import { jsonFeed } from "./feeds/json-feed.ts";
import { rssFeed } from "./feeds/rss.ts";
import type { Html } from "./layout.ts";
import { essayPage } from "./pages/essay.ts";
import { homePage } from "./pages/home.ts";
import { standalonePage } from "./pages/page.ts";
import { seriesIndexPage, seriesPage } from "./pages/series.ts";
import { tagPage, tagsPage } from "./pages/tags.ts";
import { writingPage } from "./pages/writing.ts";
import { CONTENT_TYPES, respond } from "./respond.ts";
import { toText } from "./text.ts";
import type { View } from "./view.ts";

export interface AppOptions {
  /** The clock, in ms since 1970; decides which scheduled essays are public. */
  readonly now?: () => number;
}

type Env = { Variables: { view: View } };
type Reply = Response | Promise<Response>;

// The patterns in ROUTES are built from one slug grammar, so Hono cannot infer their parameters;
// every route that reads one declares it, and an absent one is simply not found.
const param = (c: Context<Env>, name: string): string => c.req.param(name) ?? "";

const RENDER_FEED: Record<FeedFormat, (source: FeedSource) => string> = { atom: atomFeed, rss: rssFeed, json: jsonFeed };

export const createApp = (manifest: Manifest, { now = Date.now }: AppOptions = {}): Hono<Env> => {
  const epochAt = epochs(manifest);
  const pages = new Map(manifest.pages.map((page) => [page.slug, page]));
  const render = manifest.renderFingerprint;

  /** Seconds a cache may keep a response: the policy, but never past the next scheduled essay. */
  const maxAge = (c: Context<Env>, policy: number): number => {
    const next = c.get("view").epoch.nextChange;
    return next === null ? policy : Math.max(0, Math.min(policy, Math.floor((next - c.get("view").now) / 1000)));
  };

  /** A response that is a function of the visible set: validated and memoised per epoch. */
  const list = (c: Context<Env>, contentType: string, policy: number, body: (view: View) => string): Response => {
    const { epoch } = c.get("view");
    return respond(c, { contentType, etag: epoch.listEtag, lastModified: epoch.lastModified, maxAge: maxAge(c, policy) }, () =>
      epoch.memo(c.req.path, () => body(c.get("view"))),
    );
  };
  const htmlList = (c: Context<Env>, page: (view: View) => Html): Response =>
    list(c, CONTENT_TYPES.html, CACHE_POLICY.html, (view) => toText(page(view)));
  const feed = (c: Context<Env>, format: FeedFormat, tag: string | null): Reply => {
    const { epoch } = c.get("view");
    const essays = tag === null ? epoch.essays : epoch.tags.get(tag);
    if (!essays) return c.notFound();
    return list(c, `${FEEDS[format].mediaType}; charset=utf-8`, CACHE_POLICY.feed, () => RENDER_FEED[format](feedSource(essays, tag)));
  };

  const app = new Hono<Env>();
  // First, so that every response carries the headers: redirects, 304s, 404s and 405s included.
  app.use(secureHeaders(SECURITY_HEADERS));
  app.use(canonicalHost());
  app.use(async (c, next) => {
    const instant = now();
    c.set("view", { manifest, epoch: epochAt(instant), now: instant });
    await next();
  });
  app.use(canonicalSpelling());

  app.get(ROUTES.home, (c) => htmlList(c, homePage));
  app.get(ROUTES.writing, (c) => htmlList(c, writingPage));
  app.get(ROUTES.tags, (c) => htmlList(c, tagsPage));
  app.get(ROUTES.tag, (c) => {
    const tag = param(c, "tag");
    const tagged = c.get("view").epoch.tags.get(tag);
    return tagged ? htmlList(c, (view) => tagPage(view, tag, tagged)) : c.notFound();
  });

  app.get(ROUTES.series, (c) => htmlList(c, seriesIndexPage));
  app.get(ROUTES.oneSeries, (c) => {
    const name = param(c, "series");
    const parts = c.get("view").epoch.series.get(name);
    return parts ? htmlList(c, (view) => seriesPage(view, name, parts)) : c.notFound();
  });

  app.get(ROUTES.essay, (c) => {
    const { epoch } = c.get("view");
    const essay = epoch.essayBySlug.get(param(c, "slug"));
    if (!essay) return c.notFound();
    // The page shows newer essays (its dependents) only once they are public, so how many are
    // public now picks the version; the build fingerprinted the page with all of them.
    const shown = essay.dependents.filter((slug) => epoch.essayBySlug.has(slug)).length;
    const validators = { etag: `"${render}-${essay.pageFingerprint}-${shown}"`, lastModified: essay.modified };
    return respond(c, { ...validators, contentType: CONTENT_TYPES.html, maxAge: CACHE_POLICY.html }, () =>
      epoch.memo(c.req.path, () => toText(essayPage(c.get("view"), essay))),
    );
  });
  app.get(ROUTES.essayMarkdown, (c) => {
    const essay = c.get("view").epoch.essayBySlug.get(param(c, "file").slice(0, -".md".length));
    if (!essay) return c.notFound();
    const validators = { etag: `"md-${essay.fingerprint}"`, lastModified: essay.modified };
    return respond(c, { ...validators, contentType: CONTENT_TYPES.markdown, maxAge: CACHE_POLICY.text }, () =>
      c.get("view").epoch.memo(c.req.path, () => essay.markdown),
    );
  });

  for (const format of FEED_FORMATS) {
    app.get(feedRoute(format, false), (c) => feed(c, format, null));
    app.get(feedRoute(format, true), (c) => feed(c, format, param(c, "tag")));
  }

  app.get(ROUTES.sitemap, (c) => list(c, CONTENT_TYPES.xml, CACHE_POLICY.html, sitemap));
  app.get(ROUTES.llms, (c) => list(c, CONTENT_TYPES.text, CACHE_POLICY.text, llmsTxt));
  app.get(ROUTES.robots, (c) =>
    respond(c, { etag: `"${render}-robots"`, lastModified: null, contentType: CONTENT_TYPES.text, maxAge: CACHE_POLICY.text }, () =>
      c.get("view").epoch.memo(c.req.path, robotsTxt),
    ),
  );

  app.get(ROUTES.page, (c) => {
    const page = pages.get(param(c, "slug"));
    if (!page) return c.notFound();
    const validators = { etag: `"${render}-${page.fingerprint}"`, lastModified: null };
    return respond(c, { ...validators, contentType: CONTENT_TYPES.html, maxAge: CACHE_POLICY.html }, () =>
      c.get("view").epoch.memo(c.req.path, () => toText(standalonePage(c.get("view"), page))),
    );
  });

  app.notFound((c) => fallback(c, c.get("view")));
  return app;
};
