// One post file to one manifest entry, with the facts the checks across posts need. Problems are
// returned, not thrown, so the build reports all of them; a result is plain data the cache keeps.

import type { Body, Essay, Page } from "../manifest.ts";
import { SITE } from "../site.ts";
import { absoluteUrl, PATHS } from "../urls.ts";
import type { ParsedFilename } from "./filename.ts";
import type { ImageSizes, Size } from "./images.ts";
import { sha256 } from "./inputs.ts";
import { ESSAY_SCHEMA, type FrontMatterIssue, PAGE_SCHEMA, type ParsedPost, parseFrontMatter } from "./front-matter.ts";
import type { Reference } from "./markdown/tokens.ts";
import { renderMarkdown } from "./markdown/render.ts";
import type { Problem } from "./problem.ts";

export interface PostFacts {
  readonly file: string;
  readonly path: string;
  /** An essay's date (YYYY-MM-DD); null for a page, which has none. */
  readonly date: string | null;
  readonly references: readonly Reference[];
  /** Every id in the rendered body: headings, footnotes and raw HTML's id attributes. */
  readonly anchors: readonly string[];
  /** The images the Markdown shows with the sizes written for them: a render holds while the files keep them. */
  readonly images: readonly (readonly [src: string, size: Size | null])[];
  /** The file lines of the front-matter keys other checks point at (1 when absent). */
  readonly lines: { readonly id: number; readonly aliases: number };
}

/** An essay's manifest entry as its post alone decides it: the build adds what depends on the mode and on other essays. */
export type EssayEntry = Omit<Essay, "body" | "related" | "card">;

/** An essay's Body as its file holds it, and the sha256 of that text. */
export type BodyFile = { readonly text: string; readonly hash: string };

/** A manifest entry with the facts about its post. */
export type Post<T extends EssayEntry | Page = EssayEntry | Page> = { readonly entry: T; readonly facts: PostFacts };

export type PostResult =
  | ({ readonly ok: true; readonly kind: "essay"; readonly body: BodyFile } & Post<EssayEntry>)
  | ({ readonly ok: true; readonly kind: "page" } & Post<Page>)
  | { readonly ok: false; readonly problems: readonly Problem[] };

export type EssayPost = Extract<PostResult, { kind: "essay" }>;

export type NamedPost = Exclude<ParsedFilename, { kind: "invalid" }>;

/** The first line that does not decode as UTF-8 on its own. */
const invalidLine = (bytes: Uint8Array): number => {
  const strict = new TextDecoder("utf-8", { fatal: true });
  for (let line = 1, start = 0; ; line++) {
    const end = bytes.indexOf(0x0a, start);
    try {
      strict.decode(bytes.subarray(start, end === -1 ? bytes.length : end));
    } catch {
      return line;
    }
    if (end === -1) return line;
    start = end + 1;
  }
};

/** Strict UTF-8 (the decoder drops a byte-order mark) with LF lines, or the line that is not UTF-8. */
const decode = (bytes: Uint8Array): string | number => {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/\r\n?/g, "\n");
  } catch {
    return invalidLine(bytes);
  }
};

const failed = (file: string, issues: readonly FrontMatterIssue[]) => ({
  ok: false as const,
  problems: issues.map(({ line, message }) => ({ file, line, message })),
});

/** The body of a post whose front matter parsed: rendered, with the facts the checks need. */
const renderBody = (file: string, parsed: ParsedPost, name: NamedPost, sizes: ImageSizes) => {
  const essay = name.kind === "essay";
  const path = essay ? PATHS.essay(name.slug) : PATHS.page(name.slug);
  const sizeOf = (src: string) => sizes(src, absoluteUrl(path));
  const { html, words, text, headings, references, images } = renderMarkdown(parsed.body, parsed.bodyLine, sizeOf);
  const anchors = [...html.matchAll(/\sid=(?:"([^"]*)"|'([^']*)')/g)].map((match) => match[1] ?? match[2] ?? "");
  // Two elements with one id make a #fragment ambiguous: a heading named like a footnote, say.
  const twice = anchors.find((id, i) => anchors.indexOf(id) !== i);
  const message = `gives two elements the id "${twice}" (a heading and a footnote?): rename one`;
  const issues = twice === undefined ? [] : [{ line: parsed.bodyLine, message }];
  for (const reference of references)
    if (reference.kind === "image" && reference.alt.trim() === "")
      issues.push({
        line: reference.line,
        message: `shows the image ${reference.url} without alt text: say in words what it shows`,
      });
  if (issues.length > 0) return failed(file, issues);
  const date = essay ? name.date : null;
  const lines = { id: parsed.lineOf("id"), aliases: parsed.lineOf("aliases") };
  const facts: PostFacts = { file, path, date, references, anchors, images, lines };
  return { ok: true, html, words, text, headings, facts } as const;
};

/** `sizes` reads the images' sizes (images.ts); without it, no image gets one. */
export const readPost = (
  file: string,
  bytes: Uint8Array,
  name: NamedPost,
  sizes: ImageSizes = () => null,
): PostResult => {
  const text = decode(bytes);
  if (typeof text === "number")
    return failed(file, [{ line: text, message: "is not valid UTF-8: save the file as UTF-8" }]);

  if (name.kind === "page") {
    const parsed = parseFrontMatter(text, PAGE_SCHEMA, "page");
    if (!parsed.ok) return failed(file, parsed.issues);
    const body = renderBody(file, parsed, name, sizes);
    if (!body.ok) return body;
    const { title, summary, draft } = parsed.data;
    const entry = { slug: name.slug, title, summary: summary ?? null, draft, html: body.html, source: file };
    return { ok: true, kind: "page", entry, facts: body.facts };
  }

  const parsed = parseFrontMatter(text, ESSAY_SCHEMA, "essay");
  if (!parsed.ok) return failed(file, parsed.issues);
  const { title, dek, summary, tags, draft, updated, id, series, toc, aliases } = parsed.data;
  if (updated !== undefined && updated.slice(0, 10) < name.date) {
    const message = `\`updated\` (${updated}) is before the essay's date (${name.date}) from its filename`;
    return failed(file, [{ line: parsed.lineOf("updated"), message }]);
  }
  const body = renderBody(file, parsed, name, sizes);
  if (!body.ok) return body;
  const { html, words, text: prose, headings, facts } = body;
  const sections = headings.filter((heading) => heading.level === 2).map(({ id, text }) => ({ id, text }));
  const url = absoluteUrl(facts.path);
  const published = `${name.date}T00:00:00Z`;
  const essay: EssayEntry = {
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
    aliases,
    readingMinutes: Math.max(1, Math.round(words / SITE.wordsPerMinute)),
    source: file,
  };
  const content: Body = {
    source: sha256(bytes),
    html,
    markdown: text,
    toc: toc && sections.length >= SITE.tocMinSections ? sections : [],
    words,
    text: prose,
  };
  const bodyText = JSON.stringify(content);
  return { ok: true, kind: "essay", entry: essay, body: { text: bodyText, hash: sha256(bodyText) }, facts };
};
