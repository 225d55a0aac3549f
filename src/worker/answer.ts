// Every 200 the site serves is an Answer: its headers (security headers included) and its encoded
// body, made once per epoch and path, so that a request only picks the version the client lacks.
// The 304 short cut needs nothing but the validators, which come from the build, and the body is
// rendered only when a 200 first needs it.

import { cacheControl } from "../site.ts";
import { notModified, type Validators } from "./conditional.ts";

export type HeaderList = readonly (readonly [string, string])[];

/** Content types of what is not a feed; a feed's comes from FEEDS in src/urls.ts. */
export const CONTENT_TYPES = {
  html: "text/html; charset=utf-8",
  xml: "application/xml; charset=utf-8",
  text: "text/plain; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
} as const;

/** What a route says about a resource; how it becomes bytes and headers is the same for all. */
export interface Representation {
  readonly contentType: string;
  /** A strong ETag, quotes included. */
  readonly etag: string;
  /** RFC 3339 instant, or null when no date is meaningful. */
  readonly lastModified: string | null;
  /** Seconds a cache may keep it (CACHE_POLICY in src/site.ts), before any cap. */
  readonly policy: number;
  readonly render: () => string;
}

export interface Answer extends Validators {
  readonly policy: number;
  /** The 200's headers, with `max-age` at the policy. */
  readonly headers: HeaderList;
  /** The 304's: the same but Content-Type. */
  readonly notModifiedHeaders: HeaderList;
  /** Rendered and encoded on the first 200, so a wave of revalidations renders nothing. */
  readonly body: () => Uint8Array;
}

const encoder = new TextEncoder();

export const answerOf = ({ contentType, etag, lastModified, policy, render }: Representation, security: HeaderList): Answer => {
  // HTTP dates have whole seconds; the 304 test compares at that precision.
  const modified = lastModified === null ? null : Math.floor(Date.parse(lastModified) / 1000) * 1000;
  const validators: HeaderList = [
    ["ETag", etag],
    ["Cache-Control", cacheControl(policy)],
    ...(modified === null ? [] : [["Last-Modified", new Date(modified).toUTCString()] as const]),
    ...security,
  ];
  let bytes: Uint8Array | null = null;
  return {
    etag,
    lastModified: modified,
    policy,
    headers: [["Content-Type", contentType], ...validators],
    notModifiedHeaders: validators,
    body: () => (bytes ??= encoder.encode(render())),
  };
};

/** The headers with `max-age` lowered, for the moments before a scheduled essay changes the answer. */
const capped = (headers: HeaderList, maxAge: number): HeaderList =>
  headers.map(([name, value]) => (name === "Cache-Control" ? [name, cacheControl(maxAge)] : [name, value]));

/** The 304 when the client's copy is current, else the 200. `maxAge` is never above the policy. */
export const reply = (request: Request, answer: Answer, maxAge: number): Response => {
  const fresh = notModified(request.headers, answer);
  const headers = fresh ? answer.notModifiedHeaders : answer.headers;
  const init = { status: fresh ? 304 : 200, headers: maxAge === answer.policy ? headers : capped(headers, maxAge) };
  // Nothing writes to the bytes once encoded, so every response of the epoch may read the same ones.
  return new Response(fresh ? null : answer.body(), init);
};
