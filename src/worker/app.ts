// The Hono app: middleware and routes, built around one manifest. Tests build it around fixture
// manifests; index.ts builds it around the generated one.

import { Hono } from "hono";
import type { Manifest } from "../manifest.ts";
import { ROUTES } from "../urls.ts";
import { canonicalHost } from "./canonical-host.ts";
import { fallback } from "./fallback.ts";
import { essayPage } from "./pages/essay.ts";
import { homePage } from "./pages/home.ts";
import { standalonePage } from "./pages/page.ts";
import { writingPage } from "./pages/writing.ts";
import { sitePaths } from "./site-paths.ts";

export const createApp = (manifest: Manifest): Hono => {
  const essays = new Map(manifest.essays.map((essay) => [essay.slug, essay]));
  const pages = new Map(manifest.pages.map((page) => [page.slug, page]));

  const app = new Hono();
  app.use(canonicalHost());

  app.get(ROUTES.home, (c) => c.html(homePage(manifest)));
  app.get(ROUTES.writing, (c) => c.html(writingPage(manifest)));
  app.get(ROUTES.essay, (c) => {
    const essay = essays.get(c.req.param("slug"));
    return essay ? c.html(essayPage(essay)) : c.notFound();
  });
  app.get(ROUTES.page, (c) => {
    const page = pages.get(c.req.param("slug"));
    return page ? c.html(standalonePage(page)) : c.notFound();
  });

  app.notFound(fallback(sitePaths(manifest)));
  return app;
};
