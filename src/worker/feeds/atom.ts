// Atom 1.0 (RFC 4287), the feed subscribers have polled at /writing/feed.xml since the site began.
// Hono's html helper escapes with entities XML itself defines, so it is safe for XML too.

import { html } from "hono/html";
import { SITE } from "../../site.ts";
import { absoluteUrl, PATHS } from "../../urls.ts";
import { toText } from "../layout.ts";
import { entryTitle, type FeedEssay, type FeedSource, selfPath } from "./feed-source.ts";

const entry = (essay: FeedEssay) => html`<entry>
<title>${entryTitle(essay)}</title>
<link rel="alternate" type="text/html" href="${absoluteUrl(PATHS.essay(essay.slug))}"/>
<id>${essay.id}</id>
<published>${essay.published}</published>
<updated>${essay.modified}</updated>
<summary type="text">${essay.summary}</summary>
<content type="html">${essay.feedHtml}</content>
${essay.tags.map((tag) => html`<category term="${tag}"/>\n`)}</entry>
`;

export const atomFeed = (source: FeedSource): string =>
  toText(html`<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${SITE.language}">
<title>${source.title}</title>
<subtitle>${source.description}</subtitle>
<link rel="alternate" type="text/html" href="${absoluteUrl(source.homePath)}"/>
<link rel="self" type="application/atom+xml" href="${absoluteUrl(selfPath(source, "atom"))}"/>
<id>${absoluteUrl(selfPath(source, "atom"))}</id>
<updated>${source.updated}</updated>
<author><name>${SITE.author}</name><uri>${SITE.baseUrl}/</uri></author>
<icon>${absoluteUrl(SITE.favicon)}</icon>
<logo>${absoluteUrl(SITE.socialImage.path)}</logo>
${source.essays.map(entry)}</feed>
`);
