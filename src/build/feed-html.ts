// Feed readers show an essay away from the site, so every link and image in its feed copy must be
// absolute, fragments included ("#fn-1" becomes "https://fmlops.dev/writing/slug#fn-1"). The HTML
// is tokenised, not pattern-matched, so raw HTML an author wrote is rewritten too; only the
// attributes that change are rewritten in place, and every other byte is the rendered body's.

import { escapeAttribute } from "entities";
import { Parser } from "htmlparser2";

const URL_ATTRIBUTES = new Set(["href", "src", "poster", "cite"]);

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
  const pieces: string[] = [];
  let copied = 0;
  const parser = new Parser({
    onattribute: (name, value) => {
      const rewritten = URL_ATTRIBUTES.has(name) ? absolute(value, pageUrl) : name === "srcset" ? absoluteSrcset(value, pageUrl) : value;
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
