// Markdown to HTML, configured once: GitHub-flavoured Markdown rendered by marked at build time.
// Posts are trusted input written by the author, so raw HTML in a post passes through.

import { Marked, type Token } from "marked";

const marked = new Marked({ gfm: true, async: false });

export interface RenderedMarkdown {
  readonly html: string;
  /** Words of prose, code blocks excluded: what a reader reads rather than scans. */
  readonly words: number;
}

const WORD_RE = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

const countWords = (tokens: readonly Token[]): number => {
  let words = 0;
  for (const token of tokens) {
    if (token.type === "code" || token.type === "html") continue;
    const children = "tokens" in token && Array.isArray(token.tokens) ? token.tokens : null;
    if (children && children.length > 0) {
      words += countWords(children);
    } else if (token.type === "list") {
      words += countWords(token.items);
    } else if (token.type === "table") {
      words += countWords([...token.header, ...token.rows.flat()].flatMap((cell) => cell.tokens));
    } else if ("text" in token && typeof token.text === "string") {
      words += token.text.match(WORD_RE)?.length ?? 0;
    }
  }
  return words;
};

export const renderMarkdown = (source: string): RenderedMarkdown => {
  const tokens = marked.lexer(source);
  const words = countWords(tokens);
  return { html: marked.parser(tokens), words };
};
