// A standalone page at /:slug/, such as /about/.

import { html } from "hono/html";
import type { Page } from "../../manifest.ts";
import { SITE } from "../../site.ts";
import { PATHS } from "../../urls.ts";
import { draftBanner, layout, prose } from "../layout.ts";
import type { View } from "../epoch.ts";

export const standalonePage = ({ manifest }: View, page: Page): string =>
  layout(
    manifest.stylesheet,
    { title: page.title, description: page.summary ?? SITE.description, path: PATHS.page(page.slug) },
    html`<article class="page">
${page.draft ? draftBanner("page") : ""}
<h1>${page.title}</h1>
${prose(page.html)}
</article>`,
  );
