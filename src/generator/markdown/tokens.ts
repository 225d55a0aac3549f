// What a post's token tree holds, walked in document order: plain text, words, and every link and image
// with its line (raw HTML parsed with htmlparser2, so a hand-written <a href> is checked too).

import { decodeHTML } from "entities";
import { Parser } from "htmlparser2";
import type { Token, Tokens } from "marked";

// A token's children: inline tokens, list items, table cells, a footnote's `content`. A footnote is
// also an item of the list marked-footnote adds; like marked's walkTokens, only a list's items are
// walked, so each footnote is walked once, where it is defined, in document order.
const childrenOf = (token: Token): readonly Token[] => {
  if (token.type === "table") {
    const table = token as Tokens.Table;
    return [...table.header, ...table.rows.flat()].flatMap((cell) => cell.tokens);
  }
  const nested: Token[] = [];
  if ("tokens" in token && Array.isArray(token.tokens)) nested.push(...(token.tokens as Token[]));
  if (token.type === "list") nested.push(...(token as Tokens.List).items);
  if ("content" in token && Array.isArray(token.content)) nested.push(...(token.content as Token[]));
  return nested;
};

/** Every token, depth first, in document order. */
const walk = (tokens: readonly Token[], into: Token[] = []): Token[] => {
  for (const token of tokens) {
    into.push(token);
    walk(childrenOf(token), into);
  }
  return into;
};

/** The text of every leaf token, in order; with `prose`, code blocks and raw HTML are left out. */
const texts = (tokens: readonly Token[], prose: boolean): string[] =>
  tokens.flatMap((token) => {
    if (prose && (token.type === "code" || token.type === "html")) return [];
    const children = childrenOf(token);
    if (children.length > 0) return texts(children, prose);
    return "text" in token && typeof token.text === "string" ? [token.text] : [];
  });

/** A token's text without markup, for places that show a heading as plain text. */
export const plainText = (tokens: readonly Token[]): string => texts(tokens, false).join("");

// Inline tokens run on within their block; every other token ends a line, so no two blocks' words touch.
const INLINE = new Set(["text", "strong", "em", "del", "link", "codespan", "escape"]);

const blocks = (tokens: readonly Token[]): string =>
  tokens
    .map((token): string => {
      if (token.type === "code" || token.type === "html") return "";
      if (token.type === "br") return " ";
      const children = childrenOf(token);
      // marked leaves a leaf's character references as written ("caf&eacute;", "R&amp;D"): text has none.
      const text = children.length > 0 ? blocks(children) : "text" in token ? decodeHTML(String(token.text)) : "";
      return INLINE.has(token.type) ? text : `${text.trim()}\n`;
    })
    .join("");

/** The prose a reader reads as plain text, one block a line: code blocks and raw HTML left out. */
export const proseText = (tokens: readonly Token[]): string =>
  blocks(tokens)
    .replace(/\n{2,}/g, "\n")
    .trim();

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

/** Words of prose a reader reads: code blocks and raw HTML excluded. */
export const countWords = (tokens: readonly Token[]): number =>
  texts(tokens, true).join(" ").match(WORD_RE)?.length ?? 0;

/** A link or an image (with its alt text, "" when it has none), on its 1-based line in the post file. */
export type Reference =
  | { readonly kind: "link"; readonly url: string; readonly line: number }
  | { readonly kind: "image"; readonly url: string; readonly alt: string; readonly line: number };

type Unplaced<T> = T extends unknown ? Omit<T, "line"> : never;

const fromHtml = (html: string): Unplaced<Reference>[] => {
  const found: Unplaced<Reference>[] = [];
  const parser = new Parser({
    onopentag: (name, { href, src, alt = "" }) => {
      if (name === "a" && href !== undefined) found.push({ kind: "link", url: href });
      if (name === "img" && src !== undefined) found.push({ kind: "image", url: src, alt });
    },
  });
  parser.write(html);
  parser.end();
  return found;
};

/** The references in `tokens`, found in order in `source` (the body, which starts on line `firstLine`). */
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
    if (token.type === "link") {
      found.push({ kind: "link", url: String(token.href), line: lineAt(token.raw) });
    } else if (token.type === "image") {
      found.push({ kind: "image", url: String(token.href), alt: String(token.text), line: lineAt(token.raw) });
    } else if (token.type === "html") {
      const line = lineAt(token.raw);
      found.push(...fromHtml(token.raw).map((reference) => ({ ...reference, line })));
    }
  }
  return found;
};
