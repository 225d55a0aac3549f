// What the site answers when no route produced a page. It decides by resource, not by route
// pattern (which is why Hono's methodNotAllowed does not fit: it would answer 405 to a POST for an
// essay that does not exist):
//   an essay's old path (front matter `aliases`)    -> 301 to the essay, query kept
//   an address tried by habit (/feed/, /rss.xml, …) -> 301 to the real one, query kept
//   the other trailing-slash form of a known path  -> 301 to the canonical one, query kept
//   a known path with a method other than GET/HEAD -> 405 with Allow
//   anything else                                  -> the 404 page

import type { Context } from "hono";
import { CONVENTIONAL_REDIRECTS, otherSlashForm } from "../urls.ts";
import { notFoundPage } from "./pages/not-found.ts";
import { CONTENT_TYPES } from "./respond.ts";
import { toText } from "./text.ts";
import type { View } from "./view.ts";

export const ALLOWED_METHODS = "GET, HEAD";

export const fallback = (c: Context, { manifest, epoch }: View): Response => {
  // The path as Hono routes it (escapes decoded), so an escaped spelling of a page is that page.
  const pathname = c.req.path;
  const { search } = new URL(c.req.url);
  const readable = c.req.method === "GET" || c.req.method === "HEAD";
  const alternate = otherSlashForm(pathname);
  const redirect =
    epoch.aliases.get(pathname) ??
    CONVENTIONAL_REDIRECTS.get(pathname) ??
    CONVENTIONAL_REDIRECTS.get(alternate) ??
    (epoch.paths.has(alternate) ? alternate : undefined);
  if (epoch.paths.has(pathname) || redirect !== undefined) {
    if (!readable) return c.text("405 Method Not Allowed: this site only serves GET and HEAD.\n", 405, { Allow: ALLOWED_METHODS });
    if (redirect !== undefined) return c.redirect(`${redirect}${search}`, 301);
  }
  // A path that is missing now may exist later (a scheduled essay): caches must ask again.
  // The 404 page is the same for every unknown path; " 404" is a memo key no path can be.
  const body = epoch.memo(" 404", () => toText(notFoundPage(manifest.stylesheet)));
  return c.body(body.slice(), 404, { "Content-Type": CONTENT_TYPES.html, "Cache-Control": "no-cache" });
};
