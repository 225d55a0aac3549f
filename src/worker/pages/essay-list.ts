// An essay as it appears in a list: title, dek, summary, date and reading time ("Read | 9 min").

import { html } from "hono/html";
import type { Essay } from "../../manifest.ts";
import { essayPath } from "../../urls.ts";
import { longDate, minutes } from "../format.ts";
import type { Html } from "../layout.ts";

/** The heading level of each entry's title, so lists nest correctly under the page's headings. */
export type EntryHeading = 2 | 3;

const entry = (essay: Essay, level: EntryHeading): Html => html`<li class="entry">
<article>
<h${level} class="entry-title"><a href="${essayPath(essay.slug)}">${essay.title}</a></h${level}>
<p class="dek">${essay.dek}</p>
<p class="summary">${essay.summary}</p>
<p class="meta"><time datetime="${essay.date}">${longDate(essay.date)}</time> · <a href="${essayPath(essay.slug)}" aria-label="Read ${essay.title}">Read</a> | ${minutes(essay.readingMinutes)}${essay.draft ? html` · <strong class="draft-mark">Draft</strong>` : ""}</p>
</article>
</li>`;

export const essayList = (essays: readonly Essay[], level: EntryHeading): Html => html`<ol class="essay-list">
${essays.map((essay) => entry(essay, level))}
</ol>`;
