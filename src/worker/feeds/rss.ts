// RSS 2.0 with the content module; dates in RFC 822 with a four-digit year and a zone.

import { html } from "hono/html";
import { SITE } from "../../site.ts";
import { absoluteUrl, PATHS } from "../../urls.ts";
import { toText } from "../layout.ts";
import { entryTitle, type FeedEssay, type FeedSource, selfPath } from "./feed-source.ts";

const rfc822 = (instant: string): string => new Date(instant).toUTCString();

const item = (essay: FeedEssay) => {
  const url = absoluteUrl(PATHS.essay(essay.slug));
  return html`<item>
<title>${entryTitle(essay)}</title>
<link>${url}</link>
<guid isPermaLink="${essay.id === url ? "true" : "false"}">${essay.id}</guid>
<pubDate>${rfc822(essay.published)}</pubDate>
<description>${essay.summary}</description>
<content:encoded>${essay.feedHtml}</content:encoded>
${essay.tags.map((tag) => html`<category>${tag}</category>\n`)}</item>
`;
};

export const rssFeed = (source: FeedSource): string =>
  toText(html`<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>${source.title}</title>
<link>${absoluteUrl(source.homePath)}</link>
<description>${source.description}</description>
<language>${SITE.language}</language>
<lastBuildDate>${rfc822(source.updated)}</lastBuildDate>
<atom:link href="${absoluteUrl(selfPath(source, "rss"))}" rel="self" type="application/rss+xml"/>
${source.essays.map(item)}</channel>
</rss>
`);
