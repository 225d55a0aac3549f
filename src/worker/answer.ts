// Every 200 the site serves is an Answer, made once per epoch and path: its encoded body, and an
// ETag that is a hash of exactly those bytes, so the same posts give the same ETags and a changed
// byte changes them. Every later request for the path only picks the 304 or the 200.

import type { Context } from "hono";
import { CACHE_POLICY, cacheControl } from "../site.ts";
import { FEEDS } from "../urls.ts";
import { notModified } from "./conditional.ts";
import type { AppEnv, View } from "./epoch.ts";

/** Each kind of answer: its content type, and how long caches may keep it (CACHE_POLICY in src/site.ts). */
export const KINDS = {
  html: ["text/html; charset=utf-8", CACHE_POLICY.html],
  xml: ["application/xml; charset=utf-8", CACHE_POLICY.html],
  text: ["text/plain; charset=utf-8", CACHE_POLICY.text],
  markdown: ["text/markdown; charset=utf-8", CACHE_POLICY.text],
  atom: [`${FEEDS.atom.mediaType}; charset=utf-8`, CACHE_POLICY.feed],
  rss: [`${FEEDS.rss.mediaType}; charset=utf-8`, CACHE_POLICY.feed],
  json: [`${FEEDS.json.mediaType}; charset=utf-8`, CACHE_POLICY.feed],
} as const;

/** What a route says about a resource; how it becomes bytes and headers is the same for all. */
export interface Representation {
  readonly kind: keyof typeof KINDS;
  /** RFC 3339 instant, or null when no date is meaningful. */
  readonly lastModified: string | null;
  readonly render: () => string;
}

/** A representation's bytes, their ETag, and its Last-Modified in ms, whole seconds as HTTP dates have them. */
export type Answer = Awaited<ReturnType<typeof answerOf>>;

const answerOf = async ({ kind, lastModified, render }: Representation) => {
  const body = new TextEncoder().encode(render());
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", body)).subarray(0, 12);
  const etag = `"${Array.from(digest, (byte) => byte.toString(16).padStart(2, "0")).join("")}"`;
  const modified = lastModified === null ? null : Math.floor(Date.parse(lastModified) / 1000) * 1000;
  return { kind, body, etag, lastModified: modified };
};

/** Seconds a cache may keep an answer: its policy, but never past the next scheduled essay. */
const maxAge = ({ epoch, now }: View, policy: number): number =>
  epoch.nextChange === null ? policy : Math.max(0, Math.min(policy, Math.floor((epoch.nextChange - now) / 1000)));

/**
 * The answer for the request's path in this epoch, as a 304 or a 200. `represent` makes it the first
 * time, and finds nothing (undefined) when the route's parameters name nothing visible now.
 */
export const answer = async (c: Context<AppEnv>, represent: (view: View) => Representation | undefined) => {
  const { view } = c.var;
  let made = view.epoch.answers.get(c.req.path);
  if (made === undefined) {
    const representation = represent(view);
    if (representation === undefined) return c.notFound();
    made = answerOf(representation);
    view.epoch.answers.set(c.req.path, made);
    // A failure is thrown to this request, and not kept for the next.
    made.catch(() => view.epoch.answers.delete(c.req.path));
  }
  const { kind, body, etag, lastModified } = await made;
  const [contentType, policy] = KINDS[kind];
  const headers: [string, string][] = [
    ["ETag", etag],
    ["Cache-Control", cacheControl(maxAge(view, policy))],
  ];
  if (lastModified !== null) headers.push(["Last-Modified", new Date(lastModified).toUTCString()]);
  if (notModified(c.req.raw.headers, etag, lastModified)) return new Response(null, { status: 304, headers });
  // Nothing writes to the bytes once encoded, so every response of the epoch may read the same ones.
  return new Response(body, { headers: [["Content-Type", contentType], ...headers] });
};
