// What the site answers when it serves no page: 405 (the site is read-only), its own 404 page, a 503
// when an essay's body cannot be read, and a 500 that says nothing of what failed.

import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from "hono";
import { html } from "hono/html";
import { PATHS } from "../urls.ts";
import { KINDS } from "./answer.ts";
import { AssetUnavailable } from "./bodies.ts";
import { redirectTarget } from "./canonical.ts";
import type { AppEnv } from "./epoch.ts";
import { layout } from "./layout.ts";

/** Any other method on a path the site knows (a page, or an address that redirects) is refused. */
export const methodNotAllowed: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.method === "GET" || c.req.method === "HEAD") return next();
  const { epoch } = c.var.view;
  if (!epoch.paths.has(c.req.path) && redirectTarget(epoch, c.req.path) === undefined) return next();
  return c.text("405 Method Not Allowed: this site only serves GET and HEAD.\n", 405, { Allow: "GET, HEAD" });
};

/** The one 404 page, the same for every path and epoch: made once, on first need. It does not echo the path. */
export const notFound = (stylesheet: string): NotFoundHandler => {
  let page: string | undefined;
  return (c: Context) => {
    page ??= layout(
      stylesheet,
      { title: "Not found", description: "There is no page at this address.", path: null },
      html`<h1>Not found</h1>
<p>There is nothing at this address. It may have been mistyped; every essay is listed on the <a href="${PATHS.writing}">writing page</a>.</p>`,
    );
    // A path that is missing now may exist later (a scheduled essay): caches must ask again.
    return c.body(page, 404, { "Content-Type": KINDS.html[0], "Cache-Control": "no-cache" });
  };
};

/** Seconds a reader (or crawler) is asked to wait before trying a page whose body could not be read. */
const RETRY_AFTER = 60;

/**
 * A body that cannot be read is a fault of this deploy, never of the page: 503 with Retry-After (so
 * crawlers keep the URL and come back), stored by no cache, naming nothing of what failed. Anything
 * else is a plain 500.
 */
export const serverError = (stylesheet: string): ErrorHandler => {
  let page: string | undefined;
  return (error, c) => {
    console.error(error);
    if (!(error instanceof AssetUnavailable)) return c.text("500 Internal Server Error\n", 500);
    page ??= layout(
      stylesheet,
      { title: "Not available", description: "This page could not be loaded just now.", path: null },
      html`<h1>Not available just now</h1>
<p>This page could not be loaded. Please try again in a minute; every essay is listed on the <a href="${PATHS.writing}">writing page</a>.</p>`,
    );
    const headers = { "Content-Type": KINDS.html[0], "Cache-Control": "no-store", "Retry-After": String(RETRY_AFTER) };
    return c.body(page, 503, headers);
  };
};
