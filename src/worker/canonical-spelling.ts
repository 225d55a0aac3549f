// One spelling per URL. Hono routes on the percent-decoded path, so /%77riting/ would reach the
// /writing/ route and be answered as a second address of the same page. A request whose path is
// spelled with escapes for a path the site has is sent, with a 301, to the plain spelling.

import { isReadable } from "./methods.ts";

/** Where a request must go instead, or null when its spelling is the site's own. */
export const spellingRedirect = (url: string, method: string, path: string, paths: ReadonlySet<string>): string | null => {
  // Without an escape anywhere, the routed path is the path as sent: nothing to parse.
  if (!url.includes("%")) return null;
  const { pathname, search } = new URL(url);
  // Like every redirect of the site, only for reading; other methods get their 405 or 404.
  return isReadable(method) && pathname !== path && paths.has(path) ? `${path}${search}` : null;
};
