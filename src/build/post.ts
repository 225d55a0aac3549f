// One post file to one manifest entry: decode, check front matter, render. Every problem found is
// returned, not thrown, so the build can report all of them at once.

import { SITE } from "../site.ts";
import { absoluteUrl, PATHS } from "../urls.ts";
import type { ParsedFilename } from "./filename.ts";
import { absolutizeHtml } from "./feed-html.ts";
import type { UnfingerprintedEssay, UnfingerprintedPage } from "./fingerprint.ts";
import { ESSAY_SCHEMA, FORBIDDEN_CHARACTER_RE, PAGE_SCHEMA, parseFrontMatter, type FrontMatterIssue } from "./front-matter.ts";
import { renderMarkdown } from "./markdown.ts";
import type { Problem } from "./problem.ts";
import { decodeSource } from "./source-text.ts";

export type PostEntry = { readonly kind: "essay"; readonly essay: UnfingerprintedEssay } | { readonly kind: "page"; readonly page: UnfingerprintedPage };

export type PostResult = { readonly ok: true; readonly entry: PostEntry } | { readonly ok: false; readonly problems: readonly Problem[] };

type NamedPost = Exclude<ParsedFilename, { kind: "invalid" }>;

export const readingMinutes = (words: number): number => Math.max(1, Math.round(words / SITE.wordsPerMinute));

const EMPTY_BODY = "has no body: write the essay's text below the closing --- of the front matter";

/** The first line of `body` that holds a character feeds cannot carry, counted from `firstLine`. */
const forbiddenCharacterLine = (body: string, firstLine: number): number | null => {
  const index = body.split("\n").findIndex((line) => FORBIDDEN_CHARACTER_RE.test(line));
  return index === -1 ? null : firstLine + index;
};

/** A body's problem, if it has one: empty, or holding a character XML cannot carry. */
const bodyIssue = (body: string, bodyLine: number): FrontMatterIssue | null => {
  if (body.trim() === "") return { line: bodyLine, message: EMPTY_BODY };
  const line = forbiddenCharacterLine(body, bodyLine);
  return line === null ? null : { line, message: "contains a control character, which feeds cannot carry: remove it" };
};

export const readPost = (file: string, bytes: Uint8Array, name: NamedPost): PostResult => {
  const failAll = (issues: readonly FrontMatterIssue[]): PostResult => ({
    ok: false,
    problems: issues.map(({ line, message }) => ({ file, line, message })),
  });

  const source = decodeSource(bytes);
  if (!source.ok) return failAll([{ line: source.line, message: "is not valid UTF-8: save the file as UTF-8" }]);

  if (name.kind === "page") {
    const parsed = parseFrontMatter(source.text, PAGE_SCHEMA, "page");
    if (!parsed.ok) return failAll(parsed.issues);
    const issue = bodyIssue(parsed.body, parsed.bodyLine);
    if (issue) return failAll([issue]);
    const { title, summary, draft } = parsed.data;
    const { html } = renderMarkdown(parsed.body);
    return { ok: true, entry: { kind: "page", page: { slug: name.slug, title, summary: summary ?? null, draft, html, source: file } } };
  }

  const parsed = parseFrontMatter(source.text, ESSAY_SCHEMA, "essay");
  if (!parsed.ok) return failAll(parsed.issues);
  const issue = bodyIssue(parsed.body, parsed.bodyLine);
  if (issue) return failAll([issue]);
  const { title, dek, summary, tags, draft, updated, id } = parsed.data;
  if (updated !== undefined && updated.slice(0, 10) < name.date) {
    return failAll([{ line: parsed.lineOf("updated"), message: `\`updated\` (${updated}) is before the essay's date (${name.date}) from its filename` }]);
  }
  const { html, words } = renderMarkdown(parsed.body);
  const url = absoluteUrl(PATHS.essay(name.slug));
  const published = `${name.date}T00:00:00Z`;
  const essay: UnfingerprintedEssay = {
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
    words,
    readingMinutes: readingMinutes(words),
    html,
    feedHtml: absolutizeHtml(html, url),
    markdown: source.text,
    source: file,
  };
  return { ok: true, entry: { kind: "essay", essay } };
};
