// One post file to one manifest entry: decode, check front matter, render. Every problem found is
// returned, not thrown, so the build can report all of them at once.

import type { Essay, Page } from "../manifest.ts";
import { SITE } from "../site.ts";
import type { ParsedFilename } from "./filename.ts";
import { ESSAY_SCHEMA, PAGE_SCHEMA, parseFrontMatter, type FrontMatterIssue } from "./front-matter.ts";
import { renderMarkdown } from "./markdown.ts";
import type { Problem } from "./problem.ts";
import { decodeSource } from "./source-text.ts";

export type PostEntry = { readonly kind: "essay"; readonly essay: Essay } | { readonly kind: "page"; readonly page: Page };

export type PostResult = { readonly ok: true; readonly entry: PostEntry } | { readonly ok: false; readonly problems: readonly Problem[] };

type NamedPost = Exclude<ParsedFilename, { kind: "invalid" }>;

export const readingMinutes = (words: number): number => Math.max(1, Math.round(words / SITE.wordsPerMinute));

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
    if (parsed.body.trim() === "") return failAll([{ line: parsed.bodyLine, message: EMPTY_BODY }]);
    const { title, summary, draft } = parsed.data;
    const { html } = renderMarkdown(parsed.body);
    return { ok: true, entry: { kind: "page", page: { slug: name.slug, title, summary: summary ?? null, draft, html, source: file } } };
  }

  const parsed = parseFrontMatter(source.text, ESSAY_SCHEMA, "essay");
  if (!parsed.ok) return failAll(parsed.issues);
  if (parsed.body.trim() === "") return failAll([{ line: parsed.bodyLine, message: EMPTY_BODY }]);
  const { title, dek, summary, tags, draft, updated } = parsed.data;
  if (updated !== undefined && updated.slice(0, 10) < name.date) {
    return failAll([{ line: parsed.lineOf("updated"), message: `\`updated\` (${updated}) is before the essay's date (${name.date}) from its filename` }]);
  }
  const { html, words } = renderMarkdown(parsed.body);
  const essay: Essay = {
    slug: name.slug,
    date: name.date,
    title,
    dek,
    summary,
    tags,
    updated: updated ?? null,
    draft,
    words,
    readingMinutes: readingMinutes(words),
    html,
    source: file,
  };
  return { ok: true, entry: { kind: "essay", essay } };
};

const EMPTY_BODY = "has no body: write the essay's text below the closing --- of the front matter";
