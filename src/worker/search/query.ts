// What a /search request asks for, read from its query string. Any input is ordinary: what cannot be a
// search is a 400 that says why, and anything else is a search, perhaps with nothing found.

import { SLUG_RE } from "../../urls.ts";

/** Longer than any phrase a reader types, short enough that a search costs little whatever is sent. */
export const MAX_QUERY_LENGTH = 200;
/** Words beyond these are left out, and the page says so: each word is a prefix and typo lookup. */
export const MAX_QUERY_WORDS = 8;
/** Results a page lists. */
export const PAGE_SIZE = 10;
const MAX_PAGE = 1000;

export type SearchQuery = {
  /** The words as the reader typed them, cleaned: control characters gone, spaces collapsed, NFC. */
  readonly text: string;
  /** A tag to keep results to, as given (SLUG_RE), or null. */
  readonly tag: string | null;
  /** 1-based. */
  readonly page: number;
};

export type ParsedQuery = { ok: true; query: SearchQuery } | { ok: false; problem: string };

export const parseQuery = (url: URL): ParsedQuery => {
  const params = url.searchParams;
  const text = (params.get("q") ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, " ")
    .replace(/\s+/gu, " ")
    .trim();
  if (text.length > MAX_QUERY_LENGTH)
    return {
      ok: false,
      problem: `A search may be at most ${MAX_QUERY_LENGTH} characters long; this one is ${text.length}.`,
    };
  const tag = params.get("tag") ?? "";
  if (tag !== "" && !SLUG_RE.test(tag))
    return {
      ok: false,
      problem: "A tag is lowercase letters and digits joined by hyphens, like the ones on the tags page.",
    };
  const page = params.get("page") ?? "1";
  if (!/^[1-9][0-9]{0,3}$/.test(page) || Number(page) > MAX_PAGE)
    return { ok: false, problem: `A page is a whole number from 1 to ${MAX_PAGE}.` };
  return { ok: true, query: { text, tag: tag === "" ? null : tag, page: Number(page) } };
};

/** The query string of a search, for pagination's links: its parameters in one order, empty ones left out. */
export const searchString = ({ text, tag, page }: SearchQuery): string => {
  const params = new URLSearchParams();
  if (text !== "") params.set("q", text);
  if (tag !== null) params.set("tag", tag);
  if (page > 1) params.set("page", String(page));
  const query = params.toString();
  return query === "" ? "" : `?${query}`;
};
