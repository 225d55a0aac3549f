// /writing/: every essay, newest first, grouped by year once they span more than one.

import { html } from "hono/html";
import type { Essay } from "../../manifest.ts";
import { SITE } from "../../site.ts";
import { PATHS } from "../../urls.ts";
import { layout, type Html } from "../layout.ts";
import type { View } from "../epoch.ts";
import { essayList } from "./essay-list.ts";

const listing = (essays: readonly Essay[]): Html => {
  if (essays.length === 0) return html`<p>No essays yet.</p>`;
  const years = [...Map.groupBy(essays, (essay) => essay.date.slice(0, 4))];
  if (years.length === 1) return essayList(essays, 2);
  return html`${years.map(
    ([year, inYear]) => html`<section class="year" aria-labelledby="year-${year}">
<h2 id="year-${year}">${year}</h2>
${essayList(inYear, 3)}
</section>
`,
  )}`;
};

export const writingPage = ({ manifest, epoch }: View): string =>
  layout(
    manifest.stylesheet,
    { title: "Writing", description: `Every essay on ${SITE.name}, newest first.`, path: PATHS.writing },
    html`<h1>Writing</h1>
${listing(epoch.essays)}`,
  );
