// An Answer: a path's encoded body, made once per epoch, and an ETag that hashes exactly those bytes.
// Later requests only pick the 304 or the 200. (Hono's etag hashes every time and ignores If-Modified-Since.)

import type { Context } from "hono";
import { CACHE_POLICY, cacheControl } from "../site.ts";
import { FEEDS } from "../urls.ts";
import type { AppEnv, View } from "./epoch.ts";
import { boundedMemo } from "./memo.ts";

const opaqueTag = (tag: string): string => tag.trim().replace(/^W\//, "");

const DAY = "(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)";
const LONG_DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MONTH = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)";
const TIME = "\\d{2}:\\d{2}:\\d{2}";
/** The three forms of HTTP-date (RFC 9110 §5.6.7): IMF-fixdate, and the obsolete RFC 850 and asctime. */
const HTTP_DATE_RE = new RegExp(
  `^(?:${DAY}, \\d{2} ${MONTH} \\d{4} ${TIME} GMT|${LONG_DAY}, \\d{2}-${MONTH}-\\d{2} ${TIME} GMT|${DAY} ${MONTH} [ \\d]\\d ${TIME} \\d{4})$`,
);

/** The instant an HTTP-date names, or null when the value is not one (and must be ignored). */
const httpDate = (value: string): number | null => {
  if (!HTTP_DATE_RE.test(value)) return null;
  const instant = Date.parse(value.endsWith("GMT") ? value : `${value} GMT`);
  if (Number.isNaN(instant)) return null;
  // Date.parse reads the years 0000 to 0099 as 19xx or 20xx; a four-digit year must survive as written.
  const year = /\b\d{4}\b/.exec(value)?.[0];
  return year === undefined || new Date(instant).getUTCFullYear() === Number(year) ? instant : null;
};

/** True when the request's preconditions say the client's copy (strong `etag`, `lastModified` ms) is current. */
export const notModified = (headers: Headers, etag: string, lastModified: number | null): boolean => {
  const ifNoneMatch = headers.get("if-none-match");
  // When If-None-Match is present, If-Modified-Since must be ignored (§13.2.2).
  if (ifNoneMatch !== null) {
    // What a client sends back is most often exactly the ETag it was given: no list to split.
    return (
      ifNoneMatch === etag ||
      ifNoneMatch.trim() === "*" ||
      ifNoneMatch.split(",").some((tag) => opaqueTag(tag) === etag)
    );
  }
  const ifModifiedSince = headers.get("if-modified-since");
  if (ifModifiedSince === null || lastModified === null) return false;
  // A value that is not an HTTP-date is ignored (§13.1.3), not read as whatever Date.parse makes of it.
  const since = httpDate(ifModifiedSince.trim());
  return since !== null && lastModified <= since;
};

/** Each kind of answer: its content type, and how long caches may keep it (CACHE_POLICY in src/site.ts). */
export const KINDS = {
  html: ["text/html; charset=utf-8", CACHE_POLICY.html],
  xml: ["application/xml; charset=utf-8", CACHE_POLICY.html],
  text: ["text/plain; charset=utf-8", CACHE_POLICY.text],
  markdown: ["text/markdown; charset=utf-8", CACHE_POLICY.text],
  atom: [`${FEEDS.atom.mediaType}; charset=utf-8`, CACHE_POLICY.feed],
  rss: [`${FEEDS.rss.mediaType}; charset=utf-8`, CACHE_POLICY.feed],
  json: [`${FEEDS.json.mediaType}; charset=utf-8`, CACHE_POLICY.feed],
  search: ["text/html; charset=utf-8", CACHE_POLICY.search],
} as const;

/** What a route says about a resource (`lastModified` an RFC 3339 instant, or null where no date means anything). */
export type Kind = keyof typeof KINDS;
export type Representation = { kind: Kind; lastModified: string | null; render: () => string | Promise<string> };

/** A representation's bytes, their ETag, and its Last-Modified in ms, whole seconds as HTTP dates have them. */
export type Answer = Awaited<ReturnType<typeof answerOf>>;

export const answerOf = async ({ kind, lastModified, render }: Representation) => {
  const body = new TextEncoder().encode(await render());
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body)).subarray(0, 12);
  const etag = `"${Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("")}"`;
  const modified = lastModified === null ? null : Math.floor(Date.parse(lastModified) / 1000) * 1000;
  return { kind, body, etag, lastModified: modified };
};

/** How many bytes of answers an epoch keeps by default: an isolate has 128 MB, and 10,000 essays' pages are more. */
export const MEMO_BYTES = 32 * 1024 * 1024;

/** An epoch's answers by path; past `limit` bytes of them, the oldest are forgotten (and made again if asked for). */
export const answerMemo = (limit: number) => boundedMemo<Answer>(limit, ({ body }) => body.byteLength);

/** Seconds a cache may keep an answer: its policy, but never past the next scheduled essay. */
const maxAge = ({ epoch, now }: View, policy: number): number =>
  epoch.nextChange === null ? policy : Math.max(0, Math.min(policy, Math.floor((epoch.nextChange - now) / 1000)));

/** An answer as a 304 or a 200, as the request's preconditions say, with `extra` headers on either. */
export const reply = (
  c: Context<AppEnv>,
  { kind, body, etag, lastModified }: Answer,
  extra: Readonly<Record<string, string>> = {},
): Response => {
  const [contentType, policy] = KINDS[kind];
  const headers: [string, string][] = [
    ["ETag", etag],
    ["Cache-Control", cacheControl(maxAge(c.var.view, policy))],
    ...Object.entries(extra),
  ];
  if (lastModified !== null) headers.push(["Last-Modified", new Date(lastModified).toUTCString()]);
  if (notModified(c.req.raw.headers, etag, lastModified)) return new Response(null, { status: 304, headers });
  // Nothing writes to the bytes once encoded, so every response of the epoch may read the same ones.
  return new Response(body, { headers: [["Content-Type", contentType], ...headers] });
};

/** The path's answer in this epoch as a 304 or a 200; `represent` makes it once, or finds nothing visible now. */
export const answer = async (c: Context<AppEnv>, represent: (view: View) => Representation | undefined) => {
  const { view } = c.var;
  // The preview's bodies change in place on every save, so it keeps no answer; production's never change.
  const memo = view.manifest.mode === "production" ? view.epoch.answers : null;
  let made = memo?.get(c.req.path);
  if (made === undefined) {
    const representation = represent(view);
    if (representation === undefined) return c.notFound();
    made = answerOf(representation);
    memo?.set(c.req.path, made);
  }
  return reply(c, await made);
};
