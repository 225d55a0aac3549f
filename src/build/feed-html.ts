// Feed readers show an essay away from the site, so every link and image in its feed copy must be
// absolute, fragments included ("#fn-1" becomes "https://fmlops.dev/writing/slug#fn-1"). The HTML
// is parsed, not pattern-matched, so raw HTML an author wrote is rewritten too.

import render from "dom-serializer";
import { findAll } from "domutils";
import { parseDocument } from "htmlparser2";

const URL_ATTRIBUTES = ["href", "src", "poster", "cite"] as const;

const absolute = (value: string, base: string): string => (URL.canParse(value, base) ? new URL(value, base).href : value);

const absoluteSrcset = (value: string, base: string): string =>
  value
    .split(",")
    .map((candidate) => {
      const [url = "", ...descriptor] = candidate.trim().split(/\s+/);
      return [absolute(url, base), ...descriptor].join(" ");
    })
    .join(", ");

/** `html` with every URL attribute resolved against `pageUrl`. */
export const absolutizeHtml = (html: string, pageUrl: string): string => {
  const document = parseDocument(html);
  for (const element of findAll(() => true, document.children)) {
    for (const name of URL_ATTRIBUTES) {
      const value = element.attribs[name];
      if (value !== undefined) element.attribs[name] = absolute(value, pageUrl);
    }
    const srcset = element.attribs["srcset"];
    if (srcset !== undefined) element.attribs["srcset"] = absoluteSrcset(srcset, pageUrl);
  }
  return render(document, { encodeEntities: "utf8", emptyAttrs: true });
};
