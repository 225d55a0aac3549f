// The Hono app around one manifest: the middleware every request meets, in order, then one route per kind
// of URL (src/urls.ts). Tests build it around fixture manifests and a clock of their choosing.

import { type Context, Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Essay, Manifest } from "../manifest.ts";
import { SECURITY_HEADERS } from "../security.ts";
import { FEED_FORMATS, type FeedFormat, feedRoute, ROUTES } from "../urls.ts";
import { answer, type Kind, MEMO_BYTES, type Representation } from "./answer.ts";
import { type Assets, readBody } from "./bodies.ts";
import { canonicalHost, canonicalSpelling, movedPermanently } from "./canonical.ts";
import { llmsTxt } from "./discovery/llms.ts";
import { robotsTxt } from "./discovery/robots.ts";
import { sitemap } from "./discovery/sitemap.ts";
import { type AppEnv, epochs, type View } from "./epoch.ts";
import { methodNotAllowed, notFound, serverError } from "./errors.ts";
import { atomFeed } from "./feeds/atom.ts";
import { type FeedSource, feedSource } from "./feeds/feed-source.ts";
import { jsonFeed } from "./feeds/json-feed.ts";
import { rssFeed } from "./feeds/rss.ts";
import { essayPage } from "./pages/essay.ts";
import { homePage } from "./pages/home.ts";
import { standalonePage } from "./pages/page.ts";
import { seriesIndexPage, seriesPage } from "./pages/series.ts";
import { tagPage, tagsPage } from "./pages/tags.ts";
import { writingPage } from "./pages/writing.ts";
import { searchRoute } from "./search/route.ts";

/**
 * `now` is the clock, in ms since 1970: it decides which scheduled essays are public. `assets` is where
 * the essays' bodies are read: the Worker's ASSETS binding unless a test gives its own. `memoBytes`
 * bounds the answers each epoch keeps (MEMO_BYTES).
 */
export type AppOptions = { readonly now?: () => number; readonly assets?: Assets; readonly memoBytes?: number };

const FEED: Record<FeedFormat, (source: FeedSource) => string> = { atom: atomFeed, rss: rssFeed, json: jsonFeed };

/** An answer that shows the visible essays, so the newest of them dates it. */
const list = (kind: Kind, { epoch }: View, render: Representation["render"]) => ({
  kind,
  lastModified: epoch.lastModified,
  render,
});

/** The route's tag and its visible essays, if it has any. */
const tagged = (c: Context<AppEnv>) => {
  const tag = c.req.param("tag") ?? "";
  return [tag, c.var.view.epoch.tags.get(tag)] as const;
};

export const createApp = (
  manifest: Manifest,
  { now = Date.now, assets, memoBytes = MEMO_BYTES }: AppOptions = {},
): Hono<AppEnv> => {
  const epochAt = epochs(manifest, memoBytes);
  const pages = new Map(manifest.pages.map((page) => [page.slug, page]));
  const app = new Hono<AppEnv>();
  app.use(secureHeaders(SECURITY_HEADERS));
  app.use(canonicalHost);
  app.use(async (c, next) => {
    const instant = now();
    const body = (essay: Essay) => readBody(assets ?? c.env.ASSETS, essay, c.req.url);
    c.set("view", { manifest, epoch: epochAt(instant), now: instant, body });
    await next();
  });
  app.use(methodNotAllowed);
  app.use(canonicalSpelling);
  app.use(movedPermanently);

  app.get(ROUTES.home, (c) => answer(c, (view) => list("html", view, () => homePage(view))));
  app.get(ROUTES.writing, (c) => answer(c, (view) => list("html", view, () => writingPage(view))));
  app.get(ROUTES.tags, (c) => answer(c, (view) => list("html", view, () => tagsPage(view))));
  app.get(ROUTES.series, (c) => answer(c, (view) => list("html", view, () => seriesIndexPage(view))));
  app.get(ROUTES.sitemap, (c) => answer(c, (view) => list("xml", view, () => sitemap(view))));
  app.get(ROUTES.llms, (c) => answer(c, (view) => list("text", view, () => llmsTxt(view))));
  app.get(
    ROUTES.search,
    searchRoute(manifest, (c) => assets ?? c.env.ASSETS),
  );
  app.get(ROUTES.robots, (c) => answer(c, () => ({ kind: "text", lastModified: null, render: robotsTxt })));
  app.get(ROUTES.tag, (c) => {
    const [tag, essays] = tagged(c);
    return answer(c, (view) => essays && list("html", view, () => tagPage(view, tag, essays)));
  });
  app.get(ROUTES.oneSeries, (c) => {
    const name = c.req.param("series") ?? "";
    const parts = c.var.view.epoch.series.get(name);
    return answer(c, (view) => parts && list("html", view, () => seriesPage(view, name, parts)));
  });
  app.get(ROUTES.essay, (c) => {
    const essay = c.var.view.epoch.essayBySlug.get(c.req.param("slug") ?? "");
    return answer(
      c,
      (view) =>
        essay && {
          kind: "html",
          lastModified: essay.modified,
          render: async () => essayPage(view, essay, await view.body(essay)),
        },
    );
  });
  app.get(ROUTES.essayMarkdown, (c) => {
    const essay = c.var.view.epoch.essayBySlug.get((c.req.param("file") ?? "").replace(/\.md$/, ""));
    return answer(
      c,
      (view) =>
        essay && {
          kind: "markdown",
          lastModified: essay.modified,
          render: async () => (await view.body(essay)).markdown,
        },
    );
  });
  app.get(ROUTES.page, (c) => {
    const page = pages.get(c.req.param("slug") ?? "");
    return answer(c, (view) => page && { kind: "html", lastModified: null, render: () => standalonePage(view, page) });
  });
  for (const format of FEED_FORMATS) {
    app.get(feedRoute(format, false), (c) =>
      answer(c, (view) =>
        list(format, view, async () => FEED[format](await feedSource(view, view.epoch.essays, null))),
      ),
    );
    app.get(feedRoute(format, true), (c) => {
      const [tag, essays] = tagged(c);
      return answer(
        c,
        (view) => essays && list(format, view, async () => FEED[format](await feedSource(view, essays, tag))),
      );
    });
  }

  app.notFound(notFound(manifest.stylesheet));
  app.onError(serverError(manifest.stylesheet));
  return app;
};
