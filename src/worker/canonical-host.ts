// Middleware: one host per site. A request for the www host is sent, path and query intact, to the
// canonical origin, so every page has one address that search engines and feed readers keep.

import type { MiddlewareHandler } from "hono";
import { SITE } from "../site.ts";

export const canonicalHost = (): MiddlewareHandler => async (c, next) => {
  const url = new URL(c.req.url);
  // A fully qualified host may end in a dot; "www.fmlops.dev." is the same host.
  if (url.hostname.replace(/\.$/, "") === SITE.wwwHost) return c.redirect(`${SITE.baseUrl}${url.pathname}${url.search}`, 301);
  await next();
};
