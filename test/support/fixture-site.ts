// The fixture site the browser tests serve (test/fixtures/posts, preview build): one page of every
// kind, and the essays that carry the features a rule could trip on.

import { join } from "node:path";
import { ROOT } from "./project-copy.ts";

export const FIXTURE_POSTS = join(ROOT, "test", "fixtures", "posts");

export interface FixturePage {
  /** Short and file-name safe: screenshots are named after it. */
  readonly name: string;
  readonly path: string;
  readonly status: number;
}

export const FIXTURE_PAGES: readonly FixturePage[] = [
  { name: "home", path: "/", status: 200 },
  { name: "writing", path: "/writing/", status: 200 },
  // A table of contents, a footnote, highlighted and plain code, a series box, neighbours.
  { name: "essay", path: "/writing/long-read", status: 200 },
  // Right-to-left text, an image, external links.
  { name: "unicode-essay", path: "/writing/unicode", status: 200 },
  // The preview's Draft and Scheduled banners.
  { name: "draft-essay", path: "/writing/unfinished-thought", status: 200 },
  { name: "scheduled-essay", path: "/writing/scheduled-essay", status: 200 },
  { name: "about", path: "/about/", status: 200 },
  { name: "tags", path: "/tags/", status: 200 },
  { name: "tag", path: "/tags/contracts/", status: 200 },
  { name: "series-index", path: "/series/", status: 200 },
  { name: "series", path: "/series/contract-series/", status: 200 },
  { name: "not-found", path: "/no-such-page/", status: 404 },
  // Results with marks, snippets and the tag filter; and the page of a query it refuses.
  { name: "search", path: "/search?q=contract", status: 200 },
  { name: "search-refused", path: "/search?q=x&page=0", status: 400 },
];
