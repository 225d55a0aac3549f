// One post file to one manifest entry: decode, check front matter, render. Every problem found is
// returned, not thrown, so the build can report all of them at once. What the checks across posts
// need (links, images, anchors, line numbers) travels with the entry as its facts. A result is plain
// data, so the render cache can keep it.

import type { Essay, Page } from "../manifest.ts";
import { SITE } from "../site.ts";
import { absoluteUrl, PATHS } from "../urls.ts";
import { absolutizeHtml } from "./feed-html.ts";
import type { ParsedFilename } from "./filename.ts";
import {
  ESSAY_SCHEMA,
  FORBIDDEN_CHARACTER_RE,
  PAGE_SCHEMA,
  parseFrontMatter,
  type FrontMatterIssue,
  type ParsedPost,
} from "./front-matter.ts";
import type { Reference } from "./markdown/references.ts";
import { renderMarkdown } from "./markdown/render.ts";
import type { Problem } from "./problem.ts";
import { decodeSource } from "./source-text.ts";

export interface PostFacts {
  readonly file: string;
  /** The post's canonical path. */
  readonly path: string;
  /** An essay's date (YYYY-MM-DD); null for a page, which has none. */
  readonly date: string | null;
  readonly references: readonly Reference[];
  /** Every id in the rendered body: heading and footnote targets. */
  readonly anchors: readonly string[];
  /** The file lines of the front-matter keys other checks point at (1 when absent). */
  readonly lines: { readonly id: number; readonly aliases: number };
}

/** A manifest entry with the facts about its post. */
export interface Post<T extends Essay | Page = Essay | Page> {
  readonly entry: T;
  readonly facts: PostFacts;
}

export type PostResult =
  | ({ readonly ok: true; readonly kind: "essay" } & Post<Essay>)
  | ({ readonly ok: true; readonly kind: "page" } & Post<Page>)
  | { readonly ok: false; readonly problems: readonly Problem[] };

export type NamedPost = Exclude<ParsedFilename, { kind: "invalid" }>;

export const readingMinutes = (words: number): number => Math.max(1, Math.round(words / SITE.wordsPerMinute));

const idsIn = (html: string): string[] => [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1] ?? "");

/** Two elements with one id make a #fragment ambiguous: a heading named like a footnote, say. */
const duplicateIdIssue = (ids: readonly string[], bodyLine: number): FrontMatterIssue | null => {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id))
      return { line: bodyLine, message: `gives two elements the id "${id}" (a heading and a footnote?): rename one` };
    seen.add(id);
  }
  return null;
};

/** A body's problem, if it has one: empty, or holding a character XML cannot carry. */
const bodyIssue = (body: string, bodyLine: number): FrontMatterIssue | null => {
  if (body.trim() === "")
    return { line: bodyLine, message: "has no body: write the essay's text below the closing --- of the front matter" };
  const index = body.split("\n").findIndex((line) => FORBIDDEN_CHARACTER_RE.test(line));
  return index === -1
    ? null
    : { line: bodyLine + index, message: "contains a control character, which feeds cannot carry: remove it" };
};

const failed = (file: string, issues: readonly FrontMatterIssue[]) => ({
  ok: false as const,
  problems: issues.map(({ line, message }) => ({ file, line, message })),
});

/** The body of a post whose front matter parsed: rendered, with the facts the checks need. */
const renderBody = (file: string, parsed: ParsedPost, name: NamedPost) => {
  const issue = bodyIssue(parsed.body, parsed.bodyLine);
  if (issue) return failed(file, [issue]);
  const { html, words, headings, references } = renderMarkdown(parsed.body, parsed.bodyLine);
  const anchors = idsIn(html);
  const clash = duplicateIdIssue(anchors, parsed.bodyLine);
  if (clash) return failed(file, [clash]);
  const facts: PostFacts = {
    file,
    path: name.kind === "page" ? PATHS.page(name.slug) : PATHS.essay(name.slug),
    date: name.kind === "page" ? null : name.date,
    references,
    anchors,
    lines: { id: parsed.lineOf("id"), aliases: parsed.lineOf("aliases") },
  };
  return { ok: true, html, words, headings, facts } as const;
};

export const readPost = (file: string, bytes: Uint8Array, name: NamedPost): PostResult => {
  const source = decodeSource(bytes);
  if (!source.ok) return failed(file, [{ line: source.line, message: "is not valid UTF-8: save the file as UTF-8" }]);

  if (name.kind === "page") {
    const parsed = parseFrontMatter(source.text, PAGE_SCHEMA, "page");
    if (!parsed.ok) return failed(file, parsed.issues);
    const body = renderBody(file, parsed, name);
    if (!body.ok) return body;
    const { title, summary, draft } = parsed.data;
    return {
      ok: true,
      kind: "page",
      entry: { slug: name.slug, title, summary: summary ?? null, draft, html: body.html, source: file },
      facts: body.facts,
    };
  }

  const parsed = parseFrontMatter(source.text, ESSAY_SCHEMA, "essay");
  if (!parsed.ok) return failed(file, parsed.issues);
  const { title, dek, summary, tags, draft, updated, id, series, toc, aliases } = parsed.data;
  if (updated !== undefined && updated.slice(0, 10) < name.date) {
    return failed(file, [
      {
        line: parsed.lineOf("updated"),
        message: `\`updated\` (${updated}) is before the essay's date (${name.date}) from its filename`,
      },
    ]);
  }
  const body = renderBody(file, parsed, name);
  if (!body.ok) return body;
  const { html, words, headings, facts } = body;
  const sections = headings.filter((heading) => heading.level === 2).map(({ id, text }) => ({ id, text }));
  const url = absoluteUrl(facts.path);
  const published = `${name.date}T00:00:00Z`;
  const essay: Essay = {
    slug: name.slug,
    date: name.date,
    published,
    modified: updated === undefined ? published : updated.length === 10 ? `${updated}T00:00:00Z` : updated,
    title,
    dek,
    summary,
    tags,
    updated: updated ?? null,
    id: id ?? url,
    draft,
    series: series ?? null,
    toc: toc && sections.length >= SITE.tocMinSections ? sections : [],
    aliases,
    words,
    readingMinutes: readingMinutes(words),
    html,
    feedHtml: absolutizeHtml(html, url),
    markdown: source.text,
    source: file,
  };
  return { ok: true, kind: "essay", entry: essay, facts };
};
