// A standalone page at /:slug/, such as /about/.

import { html } from "hono/html";
import type { Page } from "../../manifest.ts";
import { SITE } from "../../site.ts";
import { pagePath } from "../../urls.ts";
import { layout, prose, type Html } from "../layout.ts";

export const standalonePage = (page: Page): Html =>
  layout(
    { title: page.title, description: page.summary ?? SITE.description, path: pagePath(page.slug) },
    html`<article class="page">
<h1>${page.title}</h1>
${prose(page.html)}
</article>`,
  );
