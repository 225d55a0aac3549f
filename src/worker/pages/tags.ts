// /tags/ (every tag with its count) and /tags/:tag/ (the essays with one tag, and its feeds).

import { html } from "hono/html";
import type { Essay } from "../../manifest.ts";
import { SITE } from "../../site.ts";
import { FEED_FORMATS, FEEDS, PATHS } from "../../urls.ts";
import { layout } from "../layout.ts";
import type { View } from "../epoch.ts";
import { essayList } from "./essay-list.ts";

const essays = (n: number): string => `${n} essay${n === 1 ? "" : "s"}`;

export const tagsPage = ({ manifest, epoch }: View): string =>
  layout(
    manifest.stylesheet,
    {
      title: "Tags",
      description: `Every tag on ${SITE.name}, with the number of essays that carry it.`,
      path: PATHS.tags,
    },
    html`<h1>Tags</h1>
${
  epoch.tags.size === 0
    ? html`<p>No tags yet.</p>`
    : html`<ul class="tag-index">
${[...epoch.tags].map(([tag, tagged]) => html`<li><a href="${PATHS.tag(tag)}">${tag}</a> <span class="count">${essays(tagged.length)}</span></li>`)}
</ul>`
}`,
  );

export const tagPage = ({ manifest }: View, tag: string, tagged: readonly Essay[]): string =>
  layout(
    manifest.stylesheet,
    {
      title: `Essays tagged ${tag}`,
      description: `${essays(tagged.length)} on ${SITE.name} tagged ${tag}.`,
      path: PATHS.tag(tag),
      tag,
    },
    html`<h1>Essays tagged <span class="tag-name">${tag}</span></h1>
<p class="tag-feeds">Follow this tag: ${FEED_FORMATS.map((format, i) => html`${i > 0 ? " · " : ""}<a href="${PATHS.feed(format, tag)}">${FEEDS[format].label}</a>`)}</p>
${essayList(tagged, 2)}
<p class="more"><a href="${PATHS.tags}">All tags</a></p>`,
  );
