// An essay as it appears in a list: title, dek, summary, tags, date and reading time ("Read | 9 min").

import { html } from "hono/html";
import type { Essay } from "../../manifest.ts";
import { PATHS } from "../../urls.ts";
import { type Html, longDate, minutes } from "../layout.ts";

export const tagLinks = (tags: readonly string[]): Html | "" =>
  tags.length === 0
    ? ""
    : html`<ul class="tags" aria-label="Tags">${tags.map((tag) => html`<li><a href="${PATHS.tag(tag)}">${tag}</a></li>`)}</ul>`;

/** `level` is the heading level of each title, so lists nest correctly under the page's headings. */
const entry = (essay: Essay, level: 2 | 3): Html => html`<li class="entry">
<article>
<h${level} class="entry-title"><a href="${PATHS.essay(essay.slug)}">${essay.title}</a></h${level}>
<p class="dek">${essay.dek}</p>
<p class="summary">${essay.summary}</p>
<p class="meta"><time datetime="${essay.date}">${longDate(essay.date)}</time> · <a href="${PATHS.essay(essay.slug)}" aria-label="Read ${essay.title}">Read</a> | ${minutes(essay.readingMinutes)}${essay.draft ? html` · <strong class="draft-mark">Draft</strong>` : ""}</p>
${tagLinks(essay.tags)}
</article>
</li>`;

export const essayList = (essays: readonly Essay[], level: 2 | 3): Html => html`<ol class="essay-list">
${essays.map((essay) => entry(essay, level))}
</ol>`;
