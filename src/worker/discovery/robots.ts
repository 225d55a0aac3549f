// /robots.txt: everything may be crawled but search results, which are endless and say nothing new (both
// rules end where /search does: RFC 9309's "$", and the query's "?", so /searching/ stays allowed); the
// sitemap is named with an absolute URL, as it must be.

import { absoluteUrl, PATHS } from "../../urls.ts";

export const robotsTxt = (): string =>
  `User-agent: *\nDisallow: ${PATHS.search}$\nDisallow: ${PATHS.search}?\nAllow: /\n\nSitemap: ${absoluteUrl(PATHS.sitemap)}\n`;
