// Heading ids (GitHub's rules, via github-slugger, so links written against GitHub keep working),
// anchors and the outline, as one marked extension. Section numbers are the stylesheet's, never the id's.

import { escapeAttribute } from "entities";
import GithubSlugger from "github-slugger";
import type { MarkedExtension, Tokens } from "marked";
import { LAYOUT_IDS } from "../../urls.ts";
import { plainText } from "./tokens.ts";

export interface Heading {
  readonly level: number;
  readonly id: string;
  /** Plain text, for the table of contents. */
  readonly text: string;
}

/** A slugger that has already handed out the layout's ids, so headings get "-1" instead. */
const freshSlugger = (): GithubSlugger => {
  const slugger = new GithubSlugger();
  for (const id of Object.values(LAYOUT_IDS)) slugger.slug(id);
  return slugger;
};

/** The extension, and the outline of the document rendered since the last `reset()`, in order. */
export const headings = () => {
  let slugger = freshSlugger();
  let outline: Heading[] = [];
  return {
    reset: () => {
      slugger = freshSlugger();
      outline = [];
    },
    outline: () => outline,
    extension: {
      renderer: {
        heading({ tokens, depth }: Tokens.Heading) {
          const text = plainText(tokens);
          const id = escapeAttribute(slugger.slug(text));
          outline.push({ level: depth, id, text });
          // aria-hidden with tabindex -1: the anchor is a pointer for mouse users; the heading
          // itself is what assistive technology announces.
          return `<h${depth} id="${id}">${this.parser.parseInline(tokens)}<a class="heading-anchor" href="#${id}" aria-hidden="true" tabindex="-1">#</a></h${depth}>\n`;
        },
      },
    } satisfies MarkedExtension,
  };
};
