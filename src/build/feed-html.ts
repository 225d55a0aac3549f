// Feed readers show an essay away from the site, so every link and image in its feed copy must be
// absolute, fragments included ("#fn-1" becomes "https://fmlops.dev/writing/slug#fn-1"). The HTML
// is tokenised, not pattern-matched, so raw HTML an author wrote is rewritten too; only the
// attributes that change are rewritten in place, and every other byte is the rendered body's.

import { escapeAttribute } from "entities";
import { Parser } from "htmlparser2";
import { absoluteSrcset, absoluteUrlFrom, absoluteUrlsIn, URL_ATTRIBUTES } from "../urls.ts";

const URL_ATTRIBUTE_NAMES = new Set(URL_ATTRIBUTES);

/** `html` with every URL attribute resolved against `pageUrl`. */
export const absolutizeHtml = (html: string, pageUrl: string): string => {
  const pieces: string[] = [];
  let copied = 0;
  const parser = new Parser({
    onattribute: (name, value) => {
      const rewritten = name === "srcset" ? absoluteSrcset(value, pageUrl) : URL_ATTRIBUTE_NAMES.has(name) ? absoluteUrlFrom(value, pageUrl) : value;
      if (rewritten === value) return;
      // The parser's indices span the attribute from its name to the end of its value.
      pieces.push(html.slice(copied, parser.startIndex), `${name}="${escapeAttribute(rewritten)}"`);
      copied = parser.endIndex;
    },
  });
  parser.end(html);
  pieces.push(html.slice(copied));
  return pieces.join("");
};

/** A URL attribute whose value holds an entity, which the string rewrite leaves alone and parsing decodes. */
const ENTITY_IN_URL_RE = new RegExp(`\\s(?:${URL_ATTRIBUTES.join("|")})="[^"]*&`);

/**
 * The feed copy the manifest carries for `html`: null when the Worker's string rewrite
 * (absoluteUrlsIn in src/urls.ts) gives the same bytes as parsing, which is what it then uses.
 * `rawHtml` says whether the author wrote any HTML. Without it the renderer wrote every tag, and it
 * quotes every attribute with `"` and escapes every `"` and `&` in text and values, so the string
 * rewrite finds exactly the URL attributes parsing finds, and the two can differ only where a URL
 * holds an entity: parsing, an eighth of a cold build's time, is left for those and for raw HTML.
 * (The tests hold the two rewrites equal for every post without raw HTML they build.)
 */
export const shippedFeedHtml = (html: string, pageUrl: string, rawHtml: boolean): string | null => {
  if (!rawHtml && !ENTITY_IN_URL_RE.test(html)) return null;
  const parsed = absolutizeHtml(html, pageUrl);
  return parsed === absoluteUrlsIn(html, pageUrl) ? null : parsed;
};
