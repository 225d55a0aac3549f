// One essay at /writing/:slug.

import { html } from "hono/html";
import type { Essay } from "../../manifest.ts";
import { SITE } from "../../site.ts";
import { absoluteUrl, PATHS } from "../../urls.ts";
import { longDate, minutes } from "../format.ts";
import { layout, prose, type Html } from "../layout.ts";
import type { View } from "../view.ts";
import { tagLinks } from "./essay-list.ts";

const draftBanner = html`<p class="draft-banner" role="note"><strong>Draft.</strong> This essay is visible only in the local preview; the production build leaves it out.</p>`;

const structuredData = (essay: Essay): Record<string, unknown> => {
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
    image: absoluteUrl(SITE.socialImage.path),
    keywords: essay.tags,
    wordCount: essay.words,
    inLanguage: SITE.language,
  };
};

export const essayPage = ({ manifest }: View, essay: Essay): Html =>
  layout(
    {
      title: essay.title,
      description: essay.summary,
      path: PATHS.essay(essay.slug),
      stylesheet: manifest.stylesheet,
      article: { published: essay.published, modified: essay.updated === null ? null : essay.modified, tags: essay.tags },
      structuredData: structuredData(essay),
    },
    html`<article class="essay">
${essay.draft ? draftBanner : ""}
<header class="essay-header">
<h1>${essay.title}</h1>
<p class="dek">${essay.dek}</p>
<p class="meta"><time datetime="${essay.date}">${longDate(essay.date)}</time> · ${minutes(essay.readingMinutes)} read${
      essay.updated === null ? "" : html` · Updated <time datetime="${essay.updated}">${longDate(essay.updated)}</time>`
    }</p>
${tagLinks(essay.tags)}
</header>
${prose(essay.html)}
</article>`,
  );
