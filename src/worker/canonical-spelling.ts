// Middleware: one spelling per URL. Hono routes on the percent-decoded path, so /%77riting/ would
// reach the /writing/ route and be answered as a second address of the same page. A request whose
// path is spelled with escapes for a path the site has is sent, with a 301, to the plain spelling.

import type { MiddlewareHandler } from "hono";
import type { View } from "./view.ts";

export const canonicalSpelling = (): MiddlewareHandler<{ Variables: { view: View } }> => async (c, next) => {
  const { pathname, search } = new URL(c.req.url);
  // Like every redirect of the site, only for reading; other methods get their 405 or 404.
  const readable = c.req.method === "GET" || c.req.method === "HEAD";
  if (readable && pathname !== c.req.path && c.get("view").epoch.paths.has(c.req.path)) return c.redirect(`${c.req.path}${search}`, 301);
  await next();
};
