// One post file to one manifest entry: decode, check front matter, render. Every problem found is
// returned, not thrown, so the build can report all of them at once. What the cross-post checks
// need (links, images, anchors, line numbers) travels with the entry but not into the manifest.

import { SITE } from "../site.ts";
import { absoluteUrl, PATHS } from "../urls.ts";
import type { ParsedFilename } from "./filename.ts";
import { bodiesJson } from "./body-module.ts";
import { shippedFeedHtml } from "./feed-html.ts";
import { servedFingerprint, type UnfingerprintedEssay, type UnfingerprintedPage } from "./fingerprint.ts";
import { ESSAY_SCHEMA, FORBIDDEN_CHARACTER_RE, PAGE_SCHEMA, parseFrontMatter, type FrontMatterIssue } from "./front-matter.ts";
import type { Reference } from "./markdown/references.ts";
import { renderMarkdown } from "./markdown/render.ts";
import type { Problem } from "./problem.ts";
import { decodeSource } from "./source-text.ts";

/**
 * What the checks across posts need to know about one post. Plain data, like the whole result, so
 * it can be cached on disk and sent between threads.
 */
export interface PostFacts {
  readonly file: string;
  /** The post's canonical path. */
  readonly path: string;
  readonly references: readonly Reference[];
  /** Every id in the rendered body: heading and footnote targets. */
  readonly anchors: readonly string[];
  /** The file lines of the front-matter keys other checks point at (1 when absent). */
  readonly lines: { readonly id: number; readonly aliases: number };
}

export type PostEntry =
  | { readonly kind: "essay"; readonly essay: UnfingerprintedEssay; readonly facts: PostFacts }
  | { readonly kind: "page"; readonly page: UnfingerprintedPage; readonly facts: PostFacts };

export type PostResult =
  | {
      readonly ok: true;
      readonly entry: PostEntry;
      /** The entry's bodies as JSON (see body-module.ts): what its body module holds. */
      readonly bodies: string;
    }
  | { readonly ok: false; readonly problems: readonly Problem[] };

type NamedPost = Exclude<ParsedFilename, { kind: "invalid" }>;

export const readingMinutes = (words: number): number => Math.max(1, Math.round(words / SITE.wordsPerMinute));

const EMPTY_BODY = "has no body: write the essay's text below the closing --- of the front matter";

const keyLines = (lineOf: (key: string) => number): PostFacts["lines"] => ({ id: lineOf("id"), aliases: lineOf("aliases") });

const idsIn = (html: string): string[] => [...html.matchAll(/\sid="([^"]*)"/g)].map((match) => match[1] ?? "");

/** Two elements with one id make a #fragment ambiguous: a heading named like a footnote, say. */
const duplicateIdIssue = (ids: readonly string[], bodyLine: number): FrontMatterIssue | null => {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return { line: bodyLine, message: `gives two elements the id "${id}" (a heading and a footnote?): rename one` };
    seen.add(id);
  }
  return null;
};

/** A body's problem, if it has one: empty, or holding a character XML cannot carry. */
const bodyIssue = (body: string, bodyLine: number): FrontMatterIssue | null => {
  if (body.trim() === "") return { line: bodyLine, message: EMPTY_BODY };
  const index = body.split("\n").findIndex((line) => FORBIDDEN_CHARACTER_RE.test(line));
  return index === -1 ? null : { line: bodyLine + index, message: "contains a control character, which feeds cannot carry: remove it" };
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
    const { html, references } = renderMarkdown(parsed.body, parsed.bodyLine);
    const anchors = idsIn(html);
    const clash = duplicateIdIssue(anchors, parsed.bodyLine);
    if (clash) return failAll([clash]);
    const facts = { file, path: PATHS.page(name.slug), references, anchors, lines: keyLines(parsed.lineOf) };
    const page = { slug: name.slug, title, summary: summary ?? null, draft, source: file, fingerprint: "" };
    const bodies = bodiesJson({ html });
    return { ok: true, entry: { kind: "page", page: { ...page, fingerprint: servedFingerprint(page, bodies) }, facts }, bodies };
  }

  const parsed = parseFrontMatter(source.text, ESSAY_SCHEMA, "essay");
  if (!parsed.ok) return failAll(parsed.issues);
  const issue = bodyIssue(parsed.body, parsed.bodyLine);
  if (issue) return failAll([issue]);
  const { title, dek, summary, tags, draft, updated, id, series, toc, aliases } = parsed.data;
  if (updated !== undefined && updated.slice(0, 10) < name.date) {
    return failAll([{ line: parsed.lineOf("updated"), message: `\`updated\` (${updated}) is before the essay's date (${name.date}) from its filename` }]);
  }
  const { html, words, headings, references, rawHtml } = renderMarkdown(parsed.body, parsed.bodyLine);
  const anchors = idsIn(html);
  const clash = duplicateIdIssue(anchors, parsed.bodyLine);
  if (clash) return failAll([clash]);
  const sections = headings.filter((heading) => heading.level === 2).map(({ id, text }) => ({ id, text }));
  const path = PATHS.essay(name.slug);
  const url = absoluteUrl(path);
  const published = `${name.date}T00:00:00Z`;
  const unhashed: UnfingerprintedEssay = {
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
    source: file,
    fingerprint: "",
  };
  const bodies = bodiesJson({ html, feedHtml: shippedFeedHtml(html, url, rawHtml), markdown: source.text });
  const essay = { ...unhashed, fingerprint: servedFingerprint(unhashed, bodies) };
  return { ok: true, entry: { kind: "essay", essay, facts: { file, path, references, anchors, lines: keyLines(parsed.lineOf) } }, bodies };
};
