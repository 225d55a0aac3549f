// Every 200 the site serves goes through here: content type, validators, Cache-Control, and the
// 304 short cut, decided before the body is rendered.

import type { Context } from "hono";
import { notModified, type Validators } from "./conditional.ts";

/** Content types of what is not a feed; a feed's comes from FEEDS in src/urls.ts. */
export const CONTENT_TYPES = {
  html: "text/html; charset=utf-8",
  xml: "application/xml; charset=utf-8",
  text: "text/plain; charset=utf-8",
  markdown: "text/markdown; charset=utf-8",
} as const;

export interface Representation extends Validators {
  readonly contentType: string;
  /** How long caches may reuse it, already capped at the next scheduled change. */
  readonly maxAge: number;
}

export const respond = (c: Context, representation: Representation, render: () => Uint8Array): Response => {
  const headers: Record<string, string> = {
    "Content-Type": representation.contentType,
    ETag: representation.etag,
    "Cache-Control": `public, max-age=${representation.maxAge}`,
  };
  if (representation.lastModified !== null) headers["Last-Modified"] = new Date(representation.lastModified).toUTCString();
  if (notModified(c.req.raw.headers, representation)) {
    delete headers["Content-Type"];
    return c.body(null, 304, headers);
  }
  // A fresh view of the memoised bytes: a Response may not share one with another.
  return c.body(render().slice(), 200, headers);
};
