// Walking marked's token tree: every token, depth first, in document order.

import type { Token, Tokens } from "marked";

/**
 * The tokens nested in a token: inline tokens, list items, table cells, and a footnote's text
 * (marked-footnote keeps it under `content`). Each footnote is a token where it is defined and
 * again an item of the list marked-footnote puts first; only a list's items are walked, as
 * marked's own walkTokens does, so a footnote is walked once, where it is defined, and tokens
 * stay in document order.
 */
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

export function* walk(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    yield* walk(childrenOf(token));
  }
}

/** A token's text without markup, for places that show a heading as plain text. */
export const plainText = (tokens: readonly Token[]): string =>
  tokens
    .map((token) => {
      const children = childrenOf(token);
      if (children.length > 0) return plainText(children);
      return "text" in token && typeof token.text === "string" ? token.text : "";
    })
    .join("");

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

/** Words of prose a reader reads: code blocks and raw HTML excluded. */
export const countWords = (tokens: readonly Token[]): number => {
  let words = 0;
  for (const token of tokens) {
    if (token.type === "code" || token.type === "html") continue;
    const children = childrenOf(token);
    if (children.length > 0) words += countWords(children);
    else if ("text" in token && typeof token.text === "string") words += token.text.match(WORD_RE)?.length ?? 0;
  }
  return words;
};
