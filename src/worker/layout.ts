// The one layout every HTML page shares. Hono's `html` escapes every value; the only unescaped
// insertions are `prose` (the build's rendering of the author's Markdown) and the JSON-LD block.

import { html, raw } from "hono/html";
import type { Body, Essay } from "../manifest.ts";
import { SITE } from "../site.ts";
import { absoluteUrl, FEED_FORMATS, FEEDS, LAYOUT_IDS, PATHS } from "../urls.ts";
import { MAX_QUERY_LENGTH } from "./search/query.ts";

export type Html = ReturnType<typeof html>;

/** A template as a string. The site's templates never await, so Hono's `html` returns its result at once. */
export const toText = (fragment: Html): string => {
  if (fragment instanceof Promise) throw new Error("a template produced a Promise: templates must be synchronous");
  return fragment.toString();
};

// How dates and numbers read on a page. A date is said in site.ts, which the social cards share.
export { longDate } from "../site.ts";

export const minutes = (n: number): string => `${n} min`;

const THOUSANDS = new Intl.NumberFormat("en-GB");

/** 1234 -> "1,234". */
export const thousands = (n: number): string => THOUSANDS.format(n);

export interface PageMeta {
  /** The page's own title; the layout adds the site name. Null on the home page. */
  readonly title: string | null;
  readonly description: string;
  /** The canonical path of the page, e.g. "/writing/"; null for an error page, which has none. */
  readonly path: string | null;
  /** A tag whose feeds the page advertises besides the site's own. */
  readonly tag?: string;
  /** A page search engines must not list (search results). */
  readonly noindex?: boolean;
  /** The essay the page shows: Open Graph article metadata and schema.org structured data. */
  readonly essay?: Essay & Pick<Body, "words">;
}

const NAV = { Writing: PATHS.writing, Tags: PATHS.tags, Series: PATHS.series, About: PATHS.page("about") };

const CURRENT = raw(' aria-current="page"');

/** What only the author's preview shows on a draft. */
export const draftBanner = (kind: "essay" | "page"): Html =>
  html`<p class="draft-banner" role="note"><strong>Draft.</strong> This ${kind} is visible only in the local preview; the production build leaves it out.</p>`;

/** Build-rendered Markdown HTML, inserted as is. */
export const prose = (renderedMarkdown: string): Html => html`<div class="prose">${raw(renderedMarkdown)}</div>`;

/** The picture a shared link shows: the essay's own card (drawn at the default's size), else the site's. */
const socialImage = (essay: Essay | undefined): { path: string; width: number; height: number; alt: string } =>
  essay?.card ? { ...SITE.socialImage, path: essay.card, alt: `${essay.title}: ${essay.dek}` } : SITE.socialImage;

const structuredData = (essay: Essay & Pick<Body, "words">): Record<string, unknown> => {
  const url = absoluteUrl(PATHS.essay(essay.slug));
  return {
    "@context": "https://schema.org",
    "@type": "BlogPosting",
    headline: essay.title,
    alternativeHeadline: essay.dek,
    description: essay.summary,
    url,
    mainEntityOfPage: url,
    datePublished: essay.published,
    dateModified: essay.modified,
    author: { "@type": "Organization", name: SITE.author, url: SITE.baseUrl },
    publisher: { "@type": "Organization", name: SITE.name, url: SITE.baseUrl },
    image: absoluteUrl(socialImage(essay).path),
    keywords: essay.tags,
    wordCount: essay.words,
    inLanguage: SITE.language,
  };
};

// JSON is not HTML: escaping it as HTML would corrupt it, and a "</script>" inside a string would
// end the element. Escaping "<" as \u003c keeps it valid JSON that cannot leave the block.
const jsonLd = (essay: Essay & Pick<Body, "words">): Html =>
  html`<script type="application/ld+json">${raw(JSON.stringify(structuredData(essay)).replaceAll("<", "\\u003c"))}</script>\n`;

/** The feeds of the whole site (tag null) or of one tag, as links in the head. */
const alternates = (tag: string | null): Html[] =>
  FEED_FORMATS.map((format) => {
    const title = `${tag === null ? SITE.name : `${SITE.name}: ${tag}`} (${FEEDS[format].label})`;
    return html`<link rel="alternate" type="${FEEDS[format].mediaType}" title="${title}" href="${PATHS.feed(format, tag)}">\n`;
  });

const articleMeta = (essay: Essay): Html => html`<meta property="article:published_time" content="${essay.published}">
${essay.updated === null ? "" : html`<meta property="article:modified_time" content="${essay.modified}">\n`}${essay.tags.map(
  (tag) => html`<meta property="article:tag" content="${tag}">\n`,
)}`;

const socialMeta = ({ title, description, path, essay }: PageMeta): Html => {
  const image = socialImage(essay);
  return html`<meta property="og:site_name" content="${SITE.name}">
<meta property="og:type" content="${essay ? "article" : "website"}">
<meta property="og:title" content="${title ?? SITE.name}">
<meta property="og:description" content="${description}">
${path === null ? "" : html`<meta property="og:url" content="${absoluteUrl(path)}">\n`}<meta property="og:image" content="${absoluteUrl(image.path)}">
<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
<meta property="og:image:alt" content="${image.alt}">
${essay ? articleMeta(essay) : ""}<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="${absoluteUrl(image.path)}">
<meta name="twitter:image:alt" content="${image.alt}">
`;
};

/** A whole page: `stylesheet` is the fingerprinted stylesheet URL the manifest names. */
export const layout = (stylesheet: string, meta: PageMeta, content: Html): string => {
  const { title, description, path, tag, essay, noindex } = meta;
  return toText(html`<!doctype html>
<html lang="${SITE.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title === null ? `${SITE.name}: ${SITE.tagline}` : `${title} · ${SITE.name}`}</title>
<meta name="description" content="${description}">
${noindex ? html`<meta name="robots" content="noindex">\n` : ""}${path === null ? "" : html`<link rel="canonical" href="${absoluteUrl(path)}">\n`}<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="${stylesheet}">
<link rel="icon" href="${SITE.favicon}" type="image/svg+xml">
<link rel="apple-touch-icon" href="${SITE.icons.appleTouch}">
${alternates(null)}${tag === undefined ? "" : alternates(tag)}${socialMeta(meta)}${essay ? jsonLd(essay) : ""}</head>
<body>
<a class="skip-link" href="#${LAYOUT_IDS.main}">Skip to the text</a>
<header class="site-header">
<nav aria-label="Site">
<a class="site-name" href="/"${path === "/" ? CURRENT : ""}>${SITE.name}</a>
<ul>
${Object.entries(NAV).map(([label, href]) => html`<li><a href="${href}"${href === path ? CURRENT : ""}>${label}</a></li>`)}
</ul>
<form class="site-search" action="${PATHS.search}" method="get" role="search">
<label class="sr-only" for="${LAYOUT_IDS.search}">Search the essays</label>
<input type="search" id="${LAYOUT_IDS.search}" name="q" placeholder="Search" maxlength="${MAX_QUERY_LENGTH}">
<button type="submit">Search</button>
</form>
</nav>
</header>
<main id="${LAYOUT_IDS.main}">
${content}
</main>
<footer class="site-footer">
<p>${SITE.name} · ${SITE.tagline} · <a href="${PATHS.feed("atom")}">Atom feed</a> · served by one Cloudflare Worker</p>
</footer>
</body>
</html>
`);
};
