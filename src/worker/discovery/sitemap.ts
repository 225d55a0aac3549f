// /sitemap.xml (sitemaps.org 0.9): every canonical HTML page, with `lastmod` where a post gives one.

import { html } from "hono/html";
import { absoluteUrl, PATHS } from "../../urls.ts";
import { toText } from "../layout.ts";
import { newestModified, type View } from "../epoch.ts";

export const sitemap = ({ manifest, epoch }: View): string => {
  const entries: { path: string; lastmod: string | null }[] = [
    { path: PATHS.home, lastmod: epoch.lastModified },
    { path: PATHS.writing, lastmod: epoch.lastModified },
    ...epoch.essays.map((essay) => ({ path: PATHS.essay(essay.slug), lastmod: essay.modified })),
    { path: PATHS.tags, lastmod: epoch.lastModified },
    ...[...epoch.tags].map(([tag, tagged]) => ({ path: PATHS.tag(tag), lastmod: newestModified(tagged) })),
    { path: PATHS.series, lastmod: epoch.lastModified },
    ...[...epoch.series].map(([name, parts]) => ({ path: PATHS.oneSeries(name), lastmod: newestModified(parts) })),
    ...manifest.pages.map((page) => ({ path: PATHS.page(page.slug), lastmod: null })),
  ];
  return toText(html`<?xml version="1.0" encoding="utf-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${entries.map(
  ({ path, lastmod }) =>
    html`<url><loc>${absoluteUrl(path)}</loc>${lastmod === null ? "" : html`<lastmod>${lastmod}</lastmod>`}</url>\n`,
)}</urlset>
`);
};
