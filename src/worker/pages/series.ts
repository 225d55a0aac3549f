// /series/ (every series with its parts) and /series/:series/ (one series, in reading order).

import { html } from "hono/html";
import type { Essay } from "../../manifest.ts";
import { SITE } from "../../site.ts";
import { PATHS } from "../../urls.ts";
import { type Html, layout, longDate } from "../layout.ts";
import type { View } from "../epoch.ts";

const parts = (n: number): string => `${n} part${n === 1 ? "" : "s"}`;

const part = (
  essay: Essay,
): Html => html`<li><a href="${PATHS.essay(essay.slug)}">${essay.title}</a> <span class="meta"><time datetime="${essay.date}">${longDate(essay.date)}</time></span>
<p class="dek">${essay.dek}</p></li>`;

const partList = (essays: readonly Essay[]): Html => html`<ol class="series-parts">
${essays.map(part)}
</ol>`;

export const seriesIndexPage = ({ manifest, epoch }: View): string =>
  layout(
    manifest.stylesheet,
    { title: "Series", description: `Essays on ${SITE.name} that are read in order.`, path: PATHS.series },
    html`<h1>Series</h1>
${
  epoch.series.size === 0
    ? html`<p>No series yet.</p>`
    : [...epoch.series].map(
        ([name, essays]) => html`<section aria-labelledby="series-${name}">
<h2 id="series-${name}"><a href="${PATHS.oneSeries(name)}">${name}</a> <span class="count">${parts(essays.length)}</span></h2>
${partList(essays)}
</section>
`,
      )
}`,
  );

export const seriesPage = ({ manifest }: View, name: string, essays: readonly Essay[]): string =>
  layout(
    manifest.stylesheet,
    {
      title: `Series: ${name}`,
      description: `The ${parts(essays.length)} of the series ${name} on ${SITE.name}, in reading order.`,
      path: PATHS.oneSeries(name),
    },
    html`<h1>Series: <span class="series-name">${name}</span></h1>
<p>${parts(essays.length)}, in reading order.</p>
${partList(essays)}
<p class="more"><a href="${PATHS.series}">All series</a></p>`,
  );
