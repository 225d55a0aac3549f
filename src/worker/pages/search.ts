// /search: the form, and what a search found: each essay with its title and dek (matched words marked),
// its date, and a snippet of its text around the first match; or why a query could not be run.

import { html } from "hono/html";
import type { Essay } from "../../manifest.ts";
import { SITE } from "../../site.ts";
import { PATHS } from "../../urls.ts";
import type { View } from "../epoch.ts";
import { type Html, layout, longDate, thousands } from "../layout.ts";
import { MAX_QUERY_LENGTH, PAGE_SIZE, type SearchQuery, searchString } from "../search/query.ts";
import { markWords } from "../search/snippet.ts";

/** One essay found, with the snippet of its text (null when only its title, dek or tags matched). */
export type Result = { readonly essay: Essay; readonly snippet: Html[] | null };

/** What a search came to: a problem with the query, or the results of one page and how many there are in all. */
export type Outcome =
  | { readonly kind: "problem"; readonly message: string }
  | {
      readonly kind: "results";
      readonly query: SearchQuery;
      /** How many words were searched for, and how many more the query had (MAX_QUERY_WORDS). */
      readonly words: number;
      readonly dropped: number;
      readonly total: number;
      readonly results: readonly Result[];
      /** The indexed words the query matched, which the page marks. */
      readonly matched: ReadonlySet<string>;
    };

const FIELD_ID = "search-words";

/** The form, filled in with the query; it offers each tag public now. */
const searchForm = (
  view: View,
  query: SearchQuery | null,
): Html => html`<form class="search-form" action="${PATHS.search}" method="get" role="search" aria-label="Search the essays">
<p><label for="${FIELD_ID}">Words to look for</label>
<input type="search" id="${FIELD_ID}" name="q" value="${query?.text ?? ""}" maxlength="${MAX_QUERY_LENGTH}" autocomplete="off"></p>
<p><label for="search-tag">Only essays tagged</label>
<select id="search-tag" name="tag">
<option value="">any tag</option>
${[...view.epoch.tags.keys()].map((tag) => html`<option${tag === query?.tag ? html` selected` : ""}>${tag}</option>`)}
</select></p>
<p><button type="submit">Search</button></p>
</form>`;

const count = (n: number): string => `${thousands(n)} essay${n === 1 ? "" : "s"}`;

const summaryOf = (query: SearchQuery, total: number, unknownTag: boolean, words: number): Html => {
  const tagged = query.tag === null ? "" : html` tagged <strong>${query.tag}</strong>`;
  if (unknownTag)
    return html`<p class="search-summary">No essay is tagged <strong>${query.tag}</strong>. <a href="${PATHS.tags}">Every tag</a> is listed on the tags page.</p>`;
  if (query.text === "")
    return query.tag === null
      ? html`<p class="search-summary">Type a few words: titles, deks and the essays' text are searched; a word may be unfinished or misspelt a little.</p>`
      : html`<p class="search-summary">${count(total)}${tagged}.</p>`;
  if (words === 0)
    return html`<p class="search-summary">Nothing in <strong>${query.text}</strong> can be searched for: single letters and the commonest words (the, and, of…) are left out.</p>`;
  if (total === 0)
    return html`<p class="search-summary">No essay${tagged} has every word of <strong>${query.text}</strong>. Fewer or other words may find one.</p>`;
  return html`<p class="search-summary">${count(total)}${tagged} match <strong>${query.text}</strong>.</p>`;
};

const result = ({ essay, snippet }: Result, matched: ReadonlySet<string>): Html => html`<li class="result">
<h2 class="result-title"><a href="${PATHS.essay(essay.slug)}">${markWords(essay.title, matched)}</a></h2>
<p class="dek">${markWords(essay.dek, matched)}</p>
${snippet === null ? "" : html`<p class="snippet">${snippet}</p>`}
<p class="meta"><time datetime="${essay.date}">${longDate(essay.date)}</time></p>
</li>`;

const pagination = (query: SearchQuery, total: number): Html | "" => {
  const pages = Math.ceil(total / PAGE_SIZE);
  if (pages <= 1) return "";
  const link = (page: number) => `${PATHS.search}${searchString({ ...query, page })}`;
  return html`<nav class="pagination" aria-label="Result pages">
${query.page > 1 ? html`<a href="${link(Math.min(query.page - 1, pages))}" rel="prev">Previous</a>` : ""}
<span>Page ${thousands(query.page)} of ${thousands(pages)}</span>
${query.page < pages ? html`<a href="${link(query.page + 1)}" rel="next">Next</a>` : ""}
</nav>`;
};

const found = (view: View, outcome: Extract<Outcome, { kind: "results" }>): Html => {
  const { query, total, results, matched, words, dropped } = outcome;
  const unknownTag = query.tag !== null && !view.epoch.tags.has(query.tag);
  const pages = Math.ceil(total / PAGE_SIZE);
  return html`${summaryOf(query, total, unknownTag, words)}
${dropped > 0 ? html`<p class="search-note">Only the first words were searched for; ${thousands(dropped)} more were left out.</p>` : ""}
${query.page > pages && total > 0 ? html`<p class="search-note">There is no page ${thousands(query.page)}: the results end on page ${thousands(pages)}.</p>` : ""}
${results.length === 0 ? "" : html`<ol class="results">${results.map((one) => result(one, matched))}</ol>`}
${pagination(query, total)}`;
};

/** The whole page; search pages are never indexed by search engines (the layout's `noindex`). */
export const searchPage = (view: View, outcome: Outcome): string => {
  const query = outcome.kind === "results" ? outcome.query : null;
  const title = query === null || query.text === "" ? "Search" : `Search: ${query.text}`;
  return layout(
    view.manifest.stylesheet,
    { title, description: `Search the essays on ${SITE.name}.`, path: null, noindex: true },
    html`<h1>Search</h1>
${searchForm(view, query)}
${outcome.kind === "problem" ? html`<p class="search-problem" role="alert">${outcome.message}</p>` : found(view, outcome)}`,
  );
};
