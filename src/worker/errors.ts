// What the site answers when it serves no page: the read-only site's 405, its own 404 page, and a
// 500 that says nothing of what failed. The security headers come from the app's middleware.

import type { Context, ErrorHandler, MiddlewareHandler, NotFoundHandler } from "hono";
import { KINDS } from "./answer.ts";
import { redirectTarget } from "./canonical.ts";
import type { AppEnv } from "./epoch.ts";
import { notFoundPage } from "./pages/not-found.ts";

/** The site is read-only: GET and HEAD are the methods it answers, and the only ones it redirects. */
export const isReadable = (method: string): boolean => method === "GET" || method === "HEAD";

/** Any other method on a path the site knows (a page, or an address that redirects) is refused. */
export const methodNotAllowed: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { epoch } = c.var.view;
  if (isReadable(c.req.method) || !(epoch.paths.has(c.req.path) || redirectTarget(epoch, c.req.path) !== undefined))
    return next();
  return c.text("405 Method Not Allowed: this site only serves GET and HEAD.\n", 405, { Allow: "GET, HEAD" });
};

/** The one 404 page, the same for every path and epoch: made once, on first need. It does not echo the path. */
export const notFound = (stylesheet: string): NotFoundHandler => {
  let page: string | undefined;
  return (c: Context) => {
    page ??= notFoundPage(stylesheet);
    // A path that is missing now may exist later (a scheduled essay): caches must ask again.
    return c.body(page, 404, { "Content-Type": KINDS.html[0], "Cache-Control": "no-cache" });
  };
};

export const serverError: ErrorHandler = (error, c) => {
  console.error(error);
  return c.text("500 Internal Server Error\n", 500);
};
