// The front-matter schema, the one list of the keys a post may carry, and a post split into front
// matter and a body fit to render (not empty, no character XML cannot carry).

import matter from "gray-matter";
import yaml from "js-yaml";
import * as z from "zod";
import { SLUG_RE } from "../urls.ts";
import { isCalendarDate } from "./filename.ts";

/** Characters XML 1.0 cannot carry even escaped; feeds would be malformed with them. */
const FORBIDDEN_CHARACTER_RE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const CONTROL_CHARACTER = "contains a control character, which feeds cannot carry: remove it";

const allowed = (value: string): boolean => !FORBIDDEN_CHARACTER_RE.test(value);
const unique = (list: readonly string[]): boolean => new Set(list).size === list.length;

const text = z
  .string({ error: "must be text (quote it if YAML reads it as a number, date or true/false)" })
  .trim()
  .min(1, "must not be empty")
  .refine(allowed, CONTROL_CHARACTER);

/** A title or dek is one line: a YAML block scalar (`|`) would smuggle in line breaks. */
const line = text.refine((value) => !/[\r\n]/.test(value), "must be one line");

const flag = z.boolean({ error: "must be true or false" });

const slug = (what: string) =>
  z
    .string({ error: `must be a ${what} slug` })
    .regex(SLUG_RE, `must be a ${what} slug: lowercase a-z0-9 words joined by single hyphens`);

/** A feed id: an absolute URI that never changes, e.g. the URL an essay first had on another domain. */
const URI = "must be an absolute URI, e.g. https://old.example/posts/slug";
const feedId = z
  .string({ error: URI })
  .refine((value) => allowed(value) && URL.canParse(value) && /^[a-z][a-z0-9+.-]*:\S+$/i.test(value), URI);

/** YYYY-MM-DD stays as written; a date-time is normalised to UTC ("2026-01-02T09:30:00Z"). */
const RFC3339_RE = /^(\d{4}-\d{2}-\d{2})(?:T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?$/;
const revisionDate = z
  .string({ error: "must be a date (YYYY-MM-DD) or an RFC 3339 date-time (2026-01-02T09:30:00Z)" })
  .refine(
    (value) => isCalendarDate(RFC3339_RE.exec(value)?.[1] ?? "") && !Number.isNaN(Date.parse(value)),
    "must be a date (YYYY-MM-DD) or an RFC 3339 date-time with a zone (2026-01-02T09:30:00Z)",
  )
  .transform((value) => (value.length === 10 ? value : new Date(value).toISOString().replace(".000Z", "Z")));

/** A path on this site that once served the essay, e.g. /posts/old-slug/. */
const aliasPath = z
  .string({ error: "must be a path on this site, e.g. /posts/old-slug/" })
  .refine(
    (value) => /^\/(?!\/)/.test(value) && URL.parse(value, "https://x")?.pathname === value,
    "must be a path on this site starting with /, without a query, fragment, // or dot segments, e.g. /posts/old-slug/",
  );
const aliases = z
  .array(aliasPath, { error: "must be a list of old paths, e.g. [/posts/old-slug/]" })
  .refine(unique, "lists a path twice");

const tagList = { error: "must be a list of tag slugs, e.g. [caching, files]" };
const tags = z.array(slug("tag"), tagList).refine(unique, "lists a tag twice");

export const ESSAY_SCHEMA = z.strictObject({
  title: line.describe("the essay's title"),
  dek: line.describe("the one-line subtitle shown under the title"),
  summary: text.describe("one plain-text paragraph for the index, feeds and meta description"),
  tags: tags.default([]).describe("a list of tag slugs"),
  draft: flag.default(false).describe("true keeps the essay out of the production build"),
  updated: revisionDate.optional().describe("the date of the last substantial revision"),
  id: feedId.optional().describe("the feed id to keep forever; defaults to the essay's canonical URL"),
  series: slug("series").optional().describe("the slug of the series the essay belongs to"),
  toc: flag.default(true).describe("false hides the table of contents"),
  aliases: aliases.default([]).describe("old paths that redirect here with a 301"),
});

export const PAGE_SCHEMA = z.strictObject({
  title: line.describe("the page's title"),
  summary: text.optional().describe("one sentence for the meta description"),
  draft: flag.default(false).describe("true keeps the page out of the production build"),
});

/** A front-matter problem; `line` is 1-based within the whole file. */
export type FrontMatterIssue = { readonly line: number; readonly message: string };

/** A post split into front matter and body; `lineOf` gives the line of a top-level key (1 when it is absent). */
export type ParsedPost = { readonly body: string; readonly bodyLine: number; readonly lineOf: (key: string) => number };

export type Parsed<T> =
  | ({ readonly ok: true; readonly data: T } & ParsedPost)
  | { readonly ok: false; readonly issues: readonly FrontMatterIssue[] };

// YAML's core schema keeps `2026-01-02` a string, not a midnight timestamp, so the schema sees what the
// author wrote. Passing options also stops gray-matter caching every file it has parsed.
const MATTER_OPTIONS = {
  engines: { yaml: (source: string) => yaml.load(source, { schema: yaml.CORE_SCHEMA }) as object },
};

const issue = (line: number, message: string) => ({ ok: false as const, issues: [{ line, message }] });

export const parseFrontMatter = <S extends z.ZodObject>(
  text: string,
  schema: S,
  kind: "essay" | "page",
): Parsed<z.output<S>> => {
  // gray-matter would also read JSON or evaluate JavaScript front matter ("---js"); the schema is
  // written for YAML alone, so any other language is refused before anything is parsed.
  const language = text.startsWith("---") ? matter.language(text, MATTER_OPTIONS).name : "";
  if (language !== "" && language !== "yaml")
    return issue(1, `front matter must be YAML: remove "${language}" after the opening ---`);
  let file: matter.GrayMatterFile<string>;
  try {
    file = matter(text, MATTER_OPTIONS);
  } catch (error) {
    if (!(error instanceof yaml.YAMLException)) throw error;
    // js-yaml 3 gives every error a `reason` and a `mark` (its types omit them), whose line counts from
    // the opening "---", line 1 of the file.
    const { reason, mark } = error as yaml.YAMLException & { reason: string; mark?: { line: number } };
    return issue((mark?.line ?? 0) + 1, `front matter is not valid YAML: ${reason}`);
  }
  const frontMatterLines = file.matter.split("\n");
  const bodyLine = text.startsWith("---") ? frontMatterLines.length + 2 : 1;
  const lineOf = (key: string): number => frontMatterLines.findIndex((line) => line.startsWith(`${key}:`)) + 1 || 1;

  const data: unknown = file.data;
  if (typeof data !== "object" || data === null || Array.isArray(data))
    return issue(1, "front matter must be a YAML mapping of keys to values");
  const present = data as Record<string, unknown>;
  const issues: FrontMatterIssue[] = [];
  const why =
    kind === "essay"
      ? "an essay's date comes from its filename (YYYY-MM-DD-slug.md) and nowhere else"
      : "a page has no date (name the file YYYY-MM-DD-slug.md to make it an essay)";
  if ("date" in present) issues.push({ line: lineOf("date"), message: `remove the \`date\` key: ${why}` });
  const result = schema.safeParse(present);
  if (result.success && issues.length === 0) {
    const body = file.content;
    if (body.trim() === "")
      return issue(bodyLine, "has no body: write the essay's text below the closing --- of the front matter");
    const index = body.split("\n").findIndex((line) => !allowed(line));
    return index === -1
      ? { ok: true, data: result.data, body, bodyLine, lineOf }
      : issue(bodyLine + index, CONTROL_CHARACTER);
  }
  for (const problem of result.error?.issues ?? []) {
    if (problem.code === "unrecognized_keys") {
      const allowed = `${kind === "essay" ? "an essay" : "a page"} may have ${Object.keys(schema.shape).join(", ")}`;
      for (const key of problem.keys.filter((k) => k !== "date"))
        issues.push({ line: lineOf(key), message: `unknown front-matter key \`${key}\`: ${allowed}` });
      continue;
    }
    const [key = "", item] = problem.path.map(String);
    const where = item === undefined ? `\`${key}\`` : `\`${key}\` item ${Number(item) + 1}`;
    const missing = `front matter is missing \`${key}\` (${schema.shape[key]?.description ?? "required"})`;
    issues.push(
      present[key] === undefined
        ? { line: 1, message: missing }
        : { line: lineOf(key), message: `${where} ${problem.message}` },
    );
  }
  return { ok: false, issues: issues.sort((a, b) => a.line - b.line) };
};
