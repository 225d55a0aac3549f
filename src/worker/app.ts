// The Hono app around one manifest: the middleware every request meets, in order, then one route
// per kind of URL (src/urls.ts). Tests build it around fixture manifests and a clock of their
// choosing; index.ts builds it around the generated manifest.

import { type Context, Hono } from "hono";
import { secureHeaders } from "hono/secure-headers";
import type { Manifest } from "../manifest.ts";
import { SECURITY_HEADERS } from "../security.ts";
import { FEED_FORMATS, type FeedFormat, feedRoute, ROUTES } from "../urls.ts";
import { answer, type KINDS } from "./answer.ts";
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

export interface AppOptions {
  /** The clock, in ms since 1970; decides which scheduled essays are public. */
  readonly now?: () => number;
}

const FEED: Record<FeedFormat, (source: FeedSource) => string> = { atom: atomFeed, rss: rssFeed, json: jsonFeed };

/** A route whose answer shows the visible essays, so the newest of them dates it. */
const listing = (kind: keyof typeof KINDS, render: (view: View) => string) => (c: Context<AppEnv>) =>
  answer(c, (view) => ({ kind, lastModified: view.epoch.lastModified, render: () => render(view) }));

export const createApp = (manifest: Manifest, { now = Date.now }: AppOptions = {}): Hono<AppEnv> => {
  const epochAt = epochs(manifest);
  const pages = new Map(manifest.pages.map((page) => [page.slug, page]));
  const app = new Hono<AppEnv>();
  app.use(secureHeaders(SECURITY_HEADERS));
  app.use(canonicalHost);
  app.use(async (c, next) => {
    const instant = now();
    c.set("view", { manifest, epoch: epochAt(instant), now: instant });
    await next();
  });
  app.use(methodNotAllowed);
  app.use(canonicalSpelling);
  app.use(movedPermanently);

  app.get(ROUTES.home, listing("html", homePage));
  app.get(ROUTES.writing, listing("html", writingPage));
  app.get(ROUTES.tags, listing("html", tagsPage));
  app.get(ROUTES.series, listing("html", seriesIndexPage));
  app.get(ROUTES.sitemap, listing("xml", sitemap));
  app.get(ROUTES.llms, listing("text", llmsTxt));
  app.get(ROUTES.robots, (c) => answer(c, () => ({ kind: "text", lastModified: null, render: robotsTxt })));
  app.get(ROUTES.tag, (c) =>
    answer(c, (view) => {
      const tag = c.req.param("tag") ?? "";
      const essays = view.epoch.tags.get(tag);
      return (
        essays && { kind: "html", lastModified: view.epoch.lastModified, render: () => tagPage(view, tag, essays) }
      );
    }),
  );
  app.get(ROUTES.oneSeries, (c) =>
    answer(c, (view) => {
      const name = c.req.param("series") ?? "";
      const parts = view.epoch.series.get(name);
      return (
        parts && { kind: "html", lastModified: view.epoch.lastModified, render: () => seriesPage(view, name, parts) }
      );
    }),
  );
  app.get(ROUTES.essay, (c) =>
    answer(c, (view) => {
      const essay = view.epoch.essayBySlug.get(c.req.param("slug") ?? "");
      return essay && { kind: "html", lastModified: essay.modified, render: () => essayPage(view, essay) };
    }),
  );
  app.get(ROUTES.essayMarkdown, (c) =>
    answer(c, (view) => {
      const essay = view.epoch.essayBySlug.get((c.req.param("file") ?? "").replace(/\.md$/, ""));
      return essay && { kind: "markdown", lastModified: essay.modified, render: () => essay.markdown };
    }),
  );
  app.get(ROUTES.page, (c) =>
    answer(c, (view) => {
      const page = pages.get(c.req.param("slug") ?? "");
      return page && { kind: "html", lastModified: null, render: () => standalonePage(view, page) };
    }),
  );
  for (const format of FEED_FORMATS) {
    app.get(
      feedRoute(format, false),
      listing(format, (view) => FEED[format](feedSource(view.epoch.essays, null))),
    );
    app.get(feedRoute(format, true), (c) =>
      answer(c, (view) => {
        const tag = c.req.param("tag") ?? "";
        const essays = view.epoch.tags.get(tag);
        return (
          essays && {
            kind: format,
            lastModified: view.epoch.lastModified,
            render: () => FEED[format](feedSource(essays, tag)),
          }
        );
      }),
    );
  }

  app.notFound(notFound(manifest.stylesheet));
  app.onError(serverError);
  return app;
};
