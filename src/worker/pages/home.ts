// The home page: the site's introduction and its latest essays.

import { html } from "hono/html";
import { SITE } from "../../site.ts";
import { LAYOUT_IDS, PATHS } from "../../urls.ts";
import { layout, type Html } from "../layout.ts";
import type { View } from "../epoch.ts";
import { essayList } from "./essay-list.ts";

export const homePage = ({ manifest, epoch }: View): string => {
  const latest = epoch.essays.slice(0, SITE.homeEssayCount);
  return layout(
    manifest.stylesheet,
    { title: null, description: SITE.description, path: PATHS.home },
    html`<section class="intro" aria-labelledby="${LAYOUT_IDS.intro}">
<h1 id="${LAYOUT_IDS.intro}">${SITE.tagline}</h1>
<p>${SITE.introduction}</p>
</section>
<section aria-labelledby="${LAYOUT_IDS.latest}">
<h2 id="${LAYOUT_IDS.latest}">Latest essays</h2>
${latest.length > 0 ? essayList(latest, 3) : html`<p>No essays yet.</p>`}
<p class="more"><a href="${PATHS.writing}">All essays</a></p>
</section>`,
  );
};
