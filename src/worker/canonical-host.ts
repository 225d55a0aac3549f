// One host per site. A request for the www host is sent, path and query intact, to the canonical
// origin, so every page has one address that search engines and feed readers keep.

import { SITE } from "../site.ts";

/** Where a request for `url` must go instead, or null when its host is fine. */
export const wwwRedirect = (url: string): string | null => {
  // Every request pays for this check, so the URL is parsed only when its text names the host.
  if (!url.includes(SITE.wwwHost)) return null;
  const { hostname, pathname, search } = new URL(url);
  // A fully qualified host may end in a dot; "www.fmlops.dev." is the same host.
  return hostname.replace(/\.$/, "") === SITE.wwwHost ? `${SITE.baseUrl}${pathname}${search}` : null;
};
