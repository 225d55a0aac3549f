// /robots.txt: everything may be crawled; the sitemap is named with an absolute URL, as it must be.

import { absoluteUrl, PATHS } from "../../urls.ts";

export const robotsTxt = (): string => `User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(PATHS.sitemap)}\n`;
