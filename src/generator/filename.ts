// The filename grammar of posts/: the date and slug of an essay come from its name and nowhere else.
//   YYYY-MM-DD-slug.md  an essay, published at 00:00 UTC on that date, at /writing/slug
//   slug.md             a standalone page, at /slug/

import { SLUG_SOURCE } from "../urls.ts";

export type ParsedFilename =
  | { readonly kind: "essay"; readonly date: string; readonly slug: string }
  | { readonly kind: "page"; readonly slug: string }
  | { readonly kind: "invalid"; readonly reason: string };

const ESSAY_RE = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})-(${SLUG_SOURCE})\\.md$`);
const PAGE_RE = new RegExp(`^(${SLUG_SOURCE})\\.md$`);
// Anything that starts like a date was meant to be an essay, even when the date is malformed.
const DATED_RE = /^\d{4}-\d{1,2}-\d{1,2}(?!\d)/;

const GRAMMAR_HINT =
  "name essays YYYY-MM-DD-slug.md and pages slug.md, where slug is lowercase a-z and 0-9 words joined by single hyphens";

/** True when `date` (YYYY-MM-DD) names a day that exists: it survives a round trip through UTC. */
export const isCalendarDate = (date: string): boolean => {
  const day = new Date(`${date}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(date) && !Number.isNaN(day.getTime()) && day.toISOString().startsWith(date);
};

export const parseFilename = (name: string): ParsedFilename => {
  const [, date, slug] = ESSAY_RE.exec(name) ?? [];
  if (date !== undefined && slug !== undefined) {
    if (!isCalendarDate(date)) {
      return { kind: "invalid", reason: `${date} is not a calendar date: use a real day as YYYY-MM-DD` };
    }
    return { kind: "essay", date, slug };
  }
  if (DATED_RE.test(name)) return { kind: "invalid", reason: `not a valid essay filename: ${GRAMMAR_HINT}` };
  const [, page] = PAGE_RE.exec(name) ?? [];
  if (page !== undefined) return { kind: "page", slug: page };
  const why = name.endsWith(".md")
    ? "not a valid post filename:"
    : "only Markdown posts belong in posts/ (static files go in public/);";
  return { kind: "invalid", reason: `${why} ${GRAMMAR_HINT}` };
};
