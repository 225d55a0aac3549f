// A feed copy: the essay's HTML with every URL absolute, as feed readers show it away from the site.
// Parsed, not pattern-matched, so raw HTML is rewritten too; every other byte stays the body's.

import { escapeAttribute } from "entities";
import { Parser } from "htmlparser2";

/** The attributes that hold a URL (srcset holds several). */
const URL_ATTRIBUTES = new Set(["href", "src", "poster", "cite", "srcset"]);

/** `value` resolved against `base` when it is a URL at all; left as it is otherwise. */
const absolute = (value: string, base: string): string => URL.parse(value, base)?.href ?? value;

/** Every URL of a srcset ("a.png 1x, b.png 2x") resolved against `base`. */
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
  const pieces: string[] = [];
  let copied = 0;
  const parser = new Parser({
    onattribute: (name, value) => {
      if (!URL_ATTRIBUTES.has(name)) return;
      const rewritten = name === "srcset" ? absoluteSrcset(value, pageUrl) : absolute(value, pageUrl);
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
