// The one layout every HTML page shares. Hono's `html` helper escapes every value it is given;
// `prose` below is the only place in the Worker where HTML is inserted unescaped, and it takes only
// Markdown the build rendered from the author's own posts.

import { html, raw } from "hono/html";
import { SITE } from "../site.ts";
import { absoluteUrl } from "../urls.ts";

export type Html = ReturnType<typeof html>;

export interface PageMeta {
  /** The page's own title; the layout adds the site name. Null on the home page. */
  readonly title: string | null;
  readonly description: string;
  /** The canonical path of the page, e.g. "/writing/"; null for an error page, which has none. */
  readonly path: string | null;
}

const NAV = [
  { href: "/writing/", label: "Writing" },
  { href: "/about/", label: "About" },
] as const;

const CURRENT = raw(' aria-current="page"');

/** Build-rendered Markdown HTML, inserted as is. */
export const prose = (renderedMarkdown: string): Html => html`<div class="prose">${raw(renderedMarkdown)}</div>`;

export const layout = ({ title, description, path }: PageMeta, content: Html): Html => html`<!doctype html>
<html lang="${SITE.language}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title === null ? `${SITE.name}: essays on unwritten contracts` : `${title} · ${SITE.name}`}</title>
<meta name="description" content="${description}">
${path === null ? "" : html`<link rel="canonical" href="${absoluteUrl(path)}">`}
<meta name="color-scheme" content="light dark">
<link rel="stylesheet" href="/style.css">
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
</head>
<body>
<a class="skip-link" href="#main">Skip to the text</a>
<header class="site-header">
<nav aria-label="Site">
<a class="site-name" href="/"${path === "/" ? CURRENT : ""}>${SITE.name}</a>
<ul>
${NAV.map(
  (item) => html`<li><a href="${item.href}"${item.href === path ? CURRENT : ""}>${item.label}</a></li>`,
)}
</ul>
</nav>
</header>
<main id="main">
${content}
</main>
<footer class="site-footer">
<p>${SITE.name} · essays on the contracts nobody wrote down · served by one Cloudflare Worker</p>
</footer>
</body>
</html>
`;
