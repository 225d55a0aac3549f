// One essay at /writing/:slug.

import { html } from "hono/html";
import type { Essay } from "../../manifest.ts";
import { essayPath } from "../../urls.ts";
import { longDate, minutes } from "../format.ts";
import { layout, prose, type Html } from "../layout.ts";

const draftBanner = html`<p class="draft-banner" role="note"><strong>Draft.</strong> This essay is visible only in the local preview; the production build leaves it out.</p>`;

export const essayPage = (essay: Essay): Html =>
  layout(
    { title: essay.title, description: essay.summary, path: essayPath(essay.slug) },
    html`<article class="essay">
${essay.draft ? draftBanner : ""}
<header class="essay-header">
<h1>${essay.title}</h1>
<p class="dek">${essay.dek}</p>
<p class="meta"><time datetime="${essay.date}">${longDate(essay.date)}</time> · ${minutes(essay.readingMinutes)} read${
      essay.updated === null ? "" : html` · Updated <time datetime="${essay.updated}">${longDate(essay.updated)}</time>`
    }</p>
${essay.tags.length > 0 ? html`<ul class="tags" aria-label="Tags">${essay.tags.map((tag) => html`<li>${tag}</li>`)}</ul>` : ""}
</header>
${prose(essay.html)}
</article>`,
  );
