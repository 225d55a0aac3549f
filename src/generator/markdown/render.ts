// Markdown to HTML, configured once: GitHub-flavoured Markdown by marked, with footnotes, heading
// anchors, highlighted code, lazy images and marked external links. Posts are trusted: raw HTML passes.

import { escapeAttribute } from "entities";
import { Marked, type Tokens } from "marked";
import markedFootnote from "marked-footnote";
import { SITE } from "../../site.ts";
import { headings, type Heading } from "./headings.ts";
import { highlightCode } from "./highlight.ts";
import { countWords, type Reference, references } from "./tokens.ts";

interface RenderedMarkdown {
  readonly html: string;
  /** Words of prose, code blocks excluded: what a reader reads rather than scans. */
  readonly words: number;
  readonly headings: readonly Heading[];
  readonly references: readonly Reference[];
}

const isExternal = (href: string): boolean => /^https?:\/\//i.test(href) && !href.startsWith(`${SITE.baseUrl}/`);

const titleAttribute = (title: string | null | undefined): string =>
  title ? ` title="${escapeAttribute(title)}"` : "";

const outline = headings();

const marked = new Marked({ gfm: true, async: false }, markedFootnote(), outline.extension, {
  renderer: {
    code({ text, lang }: Tokens.Code) {
      const { html, language } = highlightCode(text.replace(/\n$/, ""), lang?.trim().split(/\s+/)[0]);
      const classes = language === null ? "" : ` class="hljs language-${escapeAttribute(language)}"`;
      // Code never wraps, so a long line scrolls sideways; tabindex lets a keyboard scroll it too.
      return `<pre tabindex="0"><code${classes}>${html}\n</code></pre>\n`;
    },
    link({ href, title, tokens }: Tokens.Link) {
      // External links say so, for readers (a mark drawn by CSS) and for programs (rel).
      const rel = isExternal(href) ? ' rel="external noopener"' : "";
      return `<a href="${escapeAttribute(href)}"${titleAttribute(title)}${rel}>${this.parser.parseInline(tokens)}</a>`;
    },
    image({ href, title, text }: Tokens.Image) {
      return `<img src="${escapeAttribute(href)}" alt="${escapeAttribute(text)}"${titleAttribute(title)} loading="lazy" decoding="async">`;
    },
  },
});

/** Renders a post's body; `firstLine` is the body's first line in the file, for references. */
export const renderMarkdown = (source: string, firstLine = 1): RenderedMarkdown => {
  outline.reset();
  const tokens = marked.lexer(source);
  // What marked.parse() does between lexing and rendering, on which marked-footnote depends; lexing
  // apart lets the same tokens give the word count and the references.
  const walkTokens = marked.defaults.walkTokens;
  if (walkTokens) marked.walkTokens(tokens, walkTokens);
  const html = marked.parser(tokens);
  return {
    html,
    words: countWords(tokens),
    headings: outline.outline(),
    references: references(tokens, source, firstLine),
  };
};
