// One essay at /writing/:slug: header, table of contents, body, its series and its neighbours.

import { html } from "hono/html";
import type { Body, Essay } from "../../manifest.ts";
import { SITE } from "../../site.ts";
import { LAYOUT_IDS, PATHS } from "../../urls.ts";
import { draftBanner, type Html, layout, longDate, minutes, prose, thousands } from "../layout.ts";
import type { View } from "../epoch.ts";
import { tagLinks } from "./essay-list.ts";

/** What only the author's preview shows: that an essay is a draft, or not public yet. */
const previewBanner = (essay: Essay, now: number): Html | "" => {
  if (essay.draft) return draftBanner("essay");
  if (Date.parse(essay.published) <= now) return "";
  return html`<p class="draft-banner" role="note"><strong>Scheduled.</strong> This essay goes live on ${longDate(essay.date)} at 00:00 UTC; until then only the preview shows it.</p>`;
};

const tableOfContents = ({ toc }: Body): Html | "" =>
  toc.length === 0
    ? ""
    : html`<nav class="toc" aria-labelledby="${LAYOUT_IDS.contents}">
<h2 id="${LAYOUT_IDS.contents}">Contents</h2>
<ol>
${toc.map((entry) => html`<li><a href="#${entry.id}">${entry.text}</a></li>`)}
</ol>
</nav>`;

/** "Part N of M" and every part, in reading order; only the parts that are public now. */
const seriesBox = (essay: Essay, parts: readonly Essay[]): Html | "" => {
  if (essay.series === null || parts.length < 2) return "";
  const position = parts.indexOf(essay) + 1;
  return html`<aside class="series" aria-labelledby="${LAYOUT_IDS.series}">
<p id="${LAYOUT_IDS.series}" class="series-title">Part ${position} of ${parts.length} in the series <a href="${PATHS.oneSeries(essay.series)}">${essay.series}</a></p>
<ol>
${parts.map((part) =>
  part === essay
    ? html`<li><span aria-current="page">${part.title}</span></li>`
    : html`<li><a href="${PATHS.essay(part.slug)}">${part.title}</a></li>`,
)}
</ol>
</aside>`;
};

/** The first SITE.relatedEssays of the build's related essays that are public now. */
const relatedBox = ({ manifest, epoch }: View, essay: Essay): Html | "" => {
  const shown = essay.related
    .map((index) => manifest.essays[index])
    .filter((other): other is Essay => other !== undefined && epoch.essayBySlug.get(other.slug) === other)
    .slice(0, SITE.relatedEssays);
  return shown.length === 0
    ? ""
    : html`<aside class="related" aria-labelledby="${LAYOUT_IDS.related}">
<h2 id="${LAYOUT_IDS.related}">Related essays</h2>
<ul>
${shown.map(
  (other) =>
    html`<li><a href="${PATHS.essay(other.slug)}">${other.title}</a> <span class="related-dek">${other.dek}</span> <time datetime="${other.date}">${longDate(other.date)}</time></li>`,
)}
</ul>
</aside>`;
};

/** Links to the previous (older) and next (newer) public essays. */
const neighbours = (older: Essay | undefined, newer: Essay | undefined): Html | "" =>
  older === undefined && newer === undefined
    ? ""
    : html`<nav class="essay-nav" aria-label="More essays">
${older === undefined ? "" : html`<a class="previous" href="${PATHS.essay(older.slug)}" rel="prev"><span class="direction">Previous</span> ${older.title}</a>`}
${newer === undefined ? "" : html`<a class="next" href="${PATHS.essay(newer.slug)}" rel="next"><span class="direction">Next</span> ${newer.title}</a>`}
</nav>`;

export const essayPage = (view: View, essay: Essay, body: Body): string => {
  const { manifest, epoch, now } = view;
  const index = epoch.essays.indexOf(essay);
  return layout(
    manifest.stylesheet,
    {
      title: essay.title,
      description: essay.summary,
      path: PATHS.essay(essay.slug),
      essay: { ...essay, words: body.words },
    },
    html`<article class="essay">
${previewBanner(essay, now)}
<header class="essay-header">
<h1>${essay.title}</h1>
<p class="dek">${essay.dek}</p>
<p class="meta"><time datetime="${essay.date}">${longDate(essay.date)}</time> · ${thousands(body.words)} words · ${minutes(essay.readingMinutes)} read${
      essay.updated === null ? "" : html` · Updated <time datetime="${essay.updated}">${longDate(essay.updated)}</time>`
    }</p>
${tagLinks(essay.tags)}
</header>
${seriesBox(essay, essay.series === null ? [] : (epoch.series.get(essay.series) ?? []))}
${tableOfContents(body)}
${prose(body.html)}
${relatedBox(view, essay)}
</article>
${neighbours(epoch.essays[index + 1], epoch.essays[index - 1])}`,
  );
};
