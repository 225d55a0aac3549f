// Markdown to HTML, configured once: GitHub-flavoured Markdown by marked, with footnotes, heading
// anchors, highlighted code, lazy images with their sizes, captioned figures, aligned table cells and
// marked external links.
// Links and images are marked's own, so their URLs are encoded as marked encodes them; attributes are
// added to what it writes. Posts are trusted: raw HTML passes.

import { escapeAttribute, escapeText } from "entities";
import { Marked, Renderer, type Tokens } from "marked";
import markedFootnote from "marked-footnote";
import { SITE } from "../../site.ts";
import type { Size } from "../images.ts";
import { headings, type Heading } from "./headings.ts";
import { highlightCode } from "./highlight.ts";
import { countWords, proseText, type Reference, references } from "./tokens.ts";

interface RenderedMarkdown {
  readonly html: string;
  /** Words of prose, code blocks excluded: what a reader reads rather than scans. */
  readonly words: number;
  /** The same prose as plain text (tokens.ts proseText), which search shows snippets of. */
  readonly text: string;
  readonly headings: readonly Heading[];
  readonly references: readonly Reference[];
  /** Each image the Markdown shows, with the size written for it (null: none known, so none written). */
  readonly images: readonly (readonly [src: string, size: Size | null])[];
}

/** The size of an image the Markdown shows, by its src as written. */
export type SizeOf = (src: string) => Size | null;

const isExternal = (href: string): boolean => /^https?:\/\//i.test(href) && !href.startsWith(`${SITE.baseUrl}/`);

const outline = headings();
// Set for each render, like the outline: marked's renderer takes no context of its own.
let sizeOf: SizeOf = () => null;
let images: [string, Size | null][] = [];

const marked = new Marked({ gfm: true, async: false }, markedFootnote(), outline.extension, {
  renderer: {
    code({ text, lang }: Tokens.Code) {
      const { html, language } = highlightCode(text.replace(/\n$/, ""), lang?.trim().split(/\s+/)[0]);
      const classes = language === null ? "" : ` class="hljs language-${escapeAttribute(language)}"`;
      // Code never wraps, so a long line scrolls sideways; tabindex lets a keyboard scroll it too.
      return `<pre tabindex="0"><code${classes}>${html}\n</code></pre>\n`;
    },
    link(token: Tokens.Link) {
      const html = Renderer.prototype.link.call(this, token);
      // External links say so, for readers (a mark drawn by CSS) and for programs (rel). What marked
      // writes before the first ">" is escaped, so that ">" ends the opening tag.
      return isExternal(token.href) ? html.replace(/^(<a [^>]*)>/, '$1 rel="external noopener">') : html;
    },
    image(token: Tokens.Image) {
      const html = Renderer.prototype.image.call(this, token);
      const size = sizeOf(token.href);
      images.push([token.href, size]);
      // Known sizes let the browser hold the image's place before it loads: the page does not shift.
      const box = size === null ? "" : ` width="${size.width}" height="${size.height}"`;
      return html.replace(/^(<img [^>]*)>$/, `$1${box} loading="lazy" decoding="async">`);
    },
    tablecell({ tokens, header, align }: Tokens.TableCell) {
      // A class, not marked's align attribute, which HTML has made obsolete; the stylesheet aligns it.
      const tag = header ? "th" : "td";
      return `<${tag}${align ? ` class="align-${align}"` : ""}>${this.parser.parseInline(tokens)}</${tag}>\n`;
    },
    paragraph(token: Tokens.Paragraph) {
      const [image] = token.tokens;
      if (token.tokens.length !== 1 || image?.type !== "image" || !image.title) return false;
      // A titled image alone in its paragraph is a figure: the title is its caption, not a tooltip too.
      const html = this.parser.parseInline([{ ...image, title: null }]);
      return `<figure>${html}<figcaption>${escapeText(image.title)}</figcaption></figure>\n`;
    },
  },
});

/** Renders a post's body; `firstLine` is the body's first line in the file, for references. */
export const renderMarkdown = (source: string, firstLine = 1, sizes: SizeOf = () => null): RenderedMarkdown => {
  outline.reset();
  sizeOf = sizes;
  images = [];
  const tokens = marked.lexer(source);
  // What marked.parse() does between lexing and rendering, on which marked-footnote depends; lexing
  // apart lets the same tokens give the word count and the references.
  const walkTokens = marked.defaults.walkTokens;
  if (walkTokens) marked.walkTokens(tokens, walkTokens);
  const html = marked.parser(tokens);
  return {
    html,
    words: countWords(tokens),
    text: proseText(tokens),
    headings: outline.outline(),
    references: references(tokens, source, firstLine),
    images,
  };
};
