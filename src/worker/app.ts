// The Hono app: its routes, built around one manifest. Tests build it around fixture
// manifests and a clock of their choosing; index.ts builds it around the generated manifest.

import type { Context } from "hono";
import { PatternRouter } from "hono/router/pattern-router";
import { Hono } from "hono/tiny";
import type { Manifest } from "../manifest.ts";
import { CACHE_POLICY } from "../site.ts";
import { FEED_FORMATS, FEEDS, feedRoute, ROUTES, type FeedFormat } from "../urls.ts";
import { answerOf, CONTENT_TYPES, reply, type Representation } from "./answer.ts";
import { wwwRedirect } from "./canonical-host.ts";
import { spellingRedirect } from "./canonical-spelling.ts";
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
import { secured } from "./secured.ts";
import { toText } from "./text.ts";
import type { View } from "./view.ts";

export interface AppOptions {
  /** The clock, in ms since 1970; decides which scheduled essays are public. */
  readonly now?: () => number;
}

/** The named parameters of a route pattern, as Hono's router matched them. */
type Params = Readonly<Record<string, string>>;

/** What a route makes of a path: its representation, or null when the resource does not exist. */
type Route = (params: Params, view: View) => Representation | null;

// The patterns in ROUTES are built from one slug grammar, so Hono cannot infer their parameters;
// every route that reads one declares it, and an absent one is simply not found.
const param = (params: Params, name: string): string => params[name] ?? "";

const RENDER_FEED: Record<FeedFormat, (source: FeedSource) => string> = { atom: atomFeed, rss: rssFeed, json: jsonFeed };

export const createApp = (manifest: Manifest, { now = Date.now }: AppOptions = {}): Hono => {
  const epochAt = epochs(manifest);
  const pages = new Map(manifest.pages.map((page) => [page.slug, page]));
  const render = manifest.renderFingerprint;
  const security = manifest.securityHeaders;
  const notFound = fallback(manifest.stylesheet, security);

  /**
   * What every request goes through first, in this order: the www host, the view of the site at
   * this instant, an escaped spelling of a known path.
   */
  const front = (c: Context): View | Response => {
    const url = c.req.url;
    const host = wwwRedirect(url);
    if (host !== null) return secured(c.redirect(host, 301), security);
    const instant = now();
    const view = { manifest, epoch: epochAt(instant), now: instant };
    const spelling = spellingRedirect(url, c.req.method, c.req.path, view.epoch.paths);
    return spelling === null ? view : secured(c.redirect(spelling, 301), security);
  };

  /** Seconds a cache may keep a response: the policy, but never past the next scheduled essay. */
  const maxAge = ({ epoch, now: instant }: View, policy: number): number => {
    const next = epoch.nextChange;
    return next === null ? policy : Math.max(0, Math.min(policy, Math.floor((next - instant) / 1000)));
  };

  /**
   * The routes: Hono's PatternRouter over the patterns in ROUTES, asked only when an epoch meets a
   * path for the first time. A path's answer is the same for the whole epoch, so every later
   * request picks it from a map, and a memoised request costs no pattern matching at all (the
   * router tests every pattern, in order, which was most of a 304's cost).
   */
  const routes = new PatternRouter<Route>();
  const get = (pattern: string, route: Route): void => {
    routes.add("GET", pattern, route);
  };

  /** Every GET and HEAD: the answer made once per epoch and path, then only picked from. */
  const serve = (c: Context): Response => {
    const view = front(c);
    if (view instanceof Response) return view;
    const { path } = c.req;
    const { answers } = view.epoch;
    let answer = answers.get(path);
    if (answer === undefined) {
      // PatternRouter lets a route match with or without a trailing slash; the site has one
      // canonical form per path, and the other one is the fallback's 301. sitePaths() is the one
      // list of what exists, so a path it leaves out answers 404 whatever pattern it matches (and
      // the hostile-request tests, which model the same grammar, say so).
      if (!view.epoch.paths.has(path)) return notFound(c, view.epoch);
      // Three list paths, such as /writing/, also match the page pattern: the first route wins.
      const result = routes.match("GET", path);
      // PatternRouter names its parameters; only the routers that number them add a second element.
      const matched = result.length === 1 ? result[0][0] : undefined;
      const representation = matched === undefined ? null : matched[0](matched[1], view);
      if (representation === null) return notFound(c, view.epoch);
      answer = answerOf(representation, security);
      answers.set(path, answer);
    }
    return reply(c.req.raw, answer, maxAge(view, answer.policy));
  };

  /** A response that is a function of the visible set: one validator set per epoch. */
  const list = ({ epoch }: View, contentType: string, policy: number, render: () => string): Representation => ({
    contentType,
    etag: epoch.listEtag,
    lastModified: epoch.lastModified,
    policy,
    render,
  });
  const htmlList = (view: View, page: (view: View) => Html): Representation => list(view, CONTENT_TYPES.html, CACHE_POLICY.html, () => toText(page(view)));
  const feed = (view: View, format: FeedFormat, tag: string | null): Representation | null => {
    const essays = tag === null ? view.epoch.essays : view.epoch.tags.get(tag);
    if (!essays) return null;
    return list(view, `${FEEDS[format].mediaType}; charset=utf-8`, CACHE_POLICY.feed, () => RENDER_FEED[format](feedSource(essays, tag)));
  };

  get(ROUTES.home, (_params, view) => htmlList(view, homePage));
  get(ROUTES.writing, (_params, view) => htmlList(view, writingPage));
  get(ROUTES.tags, (_params, view) => htmlList(view, tagsPage));
  get(ROUTES.tag, (params, view) => {
    const tag = param(params, "tag");
    const tagged = view.epoch.tags.get(tag);
    return tagged ? htmlList(view, () => tagPage(view, tag, tagged)) : null;
  });

  get(ROUTES.series, (_params, view) => htmlList(view, seriesIndexPage));
  get(ROUTES.oneSeries, (params, view) => {
    const name = param(params, "series");
    const parts = view.epoch.series.get(name);
    return parts ? htmlList(view, () => seriesPage(view, name, parts)) : null;
  });

  get(ROUTES.essay, (params, view) => {
    const essay = view.epoch.essayBySlug.get(param(params, "slug"));
    if (!essay) return null;
    // The page shows newer essays (its dependents) only once they are public, so how many are
    // public now picks the version; the build fingerprinted the page with all of them.
    const shown = essay.dependents.filter((slug) => view.epoch.essayBySlug.has(slug)).length;
    return {
      contentType: CONTENT_TYPES.html,
      etag: `"${render}-${essay.pageFingerprint}-${shown}"`,
      lastModified: essay.modified,
      policy: CACHE_POLICY.html,
      render: () => toText(essayPage(view, essay)),
    };
  });
  get(ROUTES.essayMarkdown, (params, view) => {
    const essay = view.epoch.essayBySlug.get(param(params, "file").slice(0, -".md".length));
    if (!essay) return null;
    return { contentType: CONTENT_TYPES.markdown, etag: `"md-${essay.fingerprint}"`, lastModified: essay.modified, policy: CACHE_POLICY.text, render: () => essay.markdown };
  });

  for (const format of FEED_FORMATS) {
    get(feedRoute(format, false), (_params, view) => feed(view, format, null));
    get(feedRoute(format, true), (params, view) => feed(view, format, param(params, "tag")));
  }

  get(ROUTES.sitemap, (_params, view) => list(view, CONTENT_TYPES.xml, CACHE_POLICY.html, () => sitemap(view)));
  get(ROUTES.llms, (_params, view) => list(view, CONTENT_TYPES.text, CACHE_POLICY.text, () => llmsTxt(view)));
  get(ROUTES.robots, () => ({ contentType: CONTENT_TYPES.text, etag: `"${render}-robots"`, lastModified: null, policy: CACHE_POLICY.text, render: robotsTxt }));

  get(ROUTES.page, (params, view) => {
    const page = pages.get(param(params, "slug"));
    if (!page) return null;
    return { contentType: CONTENT_TYPES.html, etag: `"${render}-${page.fingerprint}"`, lastModified: null, policy: CACHE_POLICY.html, render: () => toText(standalonePage(view, page)) };
  });

  const app = new Hono();
  app.get("*", serve);
  app.notFound((c) => {
    const view = front(c);
    return view instanceof Response ? view : notFound(c, view.epoch);
  });
  app.onError((error, c) => {
    console.error(error);
    return secured(c.text("500 Internal Server Error\n", 500), security);
  });
  return app;
};
