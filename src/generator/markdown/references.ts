// Every link and image a post makes, with the line it is on, for the checks that need them
// (internal links that must resolve, images that must exist). Raw HTML is parsed with htmlparser2,
// so an <a href> or <img src> the author wrote by hand is checked like Markdown.

import { Parser } from "htmlparser2";
import type { Token } from "marked";
import { walk } from "./tokens.ts";

export interface Reference {
  readonly kind: "link" | "image";
  readonly url: string;
  /** 1-based line in the post file. */
  readonly line: number;
}

const fromHtml = (html: string): Omit<Reference, "line">[] => {
  const found: Omit<Reference, "line">[] = [];
  const parser = new Parser({
    onopentag: (name, attributes) => {
      if (name === "a" && attributes["href"] !== undefined) found.push({ kind: "link", url: attributes["href"] });
      if (name === "img" && attributes["src"] !== undefined) found.push({ kind: "image", url: attributes["src"] });
    },
  });
  parser.write(html);
  parser.end();
  return found;
};

/**
 * The references in `tokens`, located in `source` (the post's body), whose first line is
 * `firstLine` of the file. Tokens come in document order, so each is searched for after the last.
 */
export const references = (tokens: readonly Token[], source: string, firstLine: number): Reference[] => {
  const found: Reference[] = [];
  let cursor = 0;
  const lineAt = (raw: string): number => {
    const index = source.indexOf(raw, cursor);
    if (index === -1) return firstLine;
    cursor = index;
    return firstLine + (source.slice(0, index).match(/\n/g)?.length ?? 0);
  };
  for (const token of walk(tokens)) {
    if (token.type === "link" || token.type === "image") {
      found.push({ kind: token.type, url: String(token.href), line: lineAt(token.raw) });
    } else if (token.type === "html") {
      const line = lineAt(token.raw);
      found.push(...fromHtml(token.raw).map((reference) => ({ ...reference, line })));
    }
  }
  return found;
};
