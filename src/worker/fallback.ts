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
import { CONTENT_TYPES, type HeaderList } from "./answer.ts";
import type { Epoch } from "./epoch.ts";
import { ALLOWED_METHODS, isReadable } from "./methods.ts";
import { notFoundPage } from "./pages/not-found.ts";
import { secured } from "./secured.ts";
import { toText } from "./text.ts";

export const fallback = (stylesheet: string, security: HeaderList): ((c: Context, epoch: Epoch) => Response) => {
  // The 404 page is the same for every unknown path and every epoch: made once, on first need.
  let notFound: { readonly body: Uint8Array; readonly headers: HeaderList } | null = null;
  const notFoundAnswer = (): NonNullable<typeof notFound> =>
    (notFound ??= {
      body: new TextEncoder().encode(toText(notFoundPage(stylesheet))),
      // A path that is missing now may exist later (a scheduled essay): caches must ask again.
      headers: [["Content-Type", CONTENT_TYPES.html], ["Cache-Control", "no-cache"], ...security],
    });

  return (c, epoch) => {
    // The path as Hono routes it (escapes decoded), so an escaped spelling of a page is that page.
    const pathname = c.req.path;
    const readable = isReadable(c.req.method);
    const alternate = otherSlashForm(pathname);
    const redirect =
      epoch.aliases.get(pathname) ??
      CONVENTIONAL_REDIRECTS.get(pathname) ??
      CONVENTIONAL_REDIRECTS.get(alternate) ??
      (epoch.paths.has(alternate) ? alternate : undefined);
    if (epoch.paths.has(pathname) || redirect !== undefined) {
      if (!readable) return secured(c.text("405 Method Not Allowed: this site only serves GET and HEAD.\n", 405, { Allow: ALLOWED_METHODS }), security);
      if (redirect !== undefined) return secured(c.redirect(`${redirect}${new URL(c.req.url).search}`, 301), security);
    }
    const { body, headers } = notFoundAnswer();
    return new Response(body, { status: 404, headers });
  };
};
