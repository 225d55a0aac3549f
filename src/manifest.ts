// The manifest: what the generator writes and the Worker reads. The generator validates every field
// before it writes one; the Worker trusts this shape and nothing else.

export interface Essay {
  readonly slug: string;
  /** YYYY-MM-DD, from the filename only. */
  readonly date: string;
  /** The instant the essay becomes public: 00:00 UTC on `date` (RFC 3339). */
  readonly published: string;
  /** `updated` if set, else `published` (RFC 3339, UTC): the essay's Last-Modified. */
  readonly modified: string;
  readonly title: string;
  /** The one-line subtitle shown under the title. */
  readonly dek: string;
  /** Plain text: the index, feeds and the meta description use it. */
  readonly summary: string;
  readonly tags: readonly string[];
  /** As written: YYYY-MM-DD or an RFC 3339 date-time in UTC; null when never revised. */
  readonly updated: string | null;
  /** The id feeds carry, forever: the canonical URL at first publication, or front matter `id`. */
  readonly id: string;
  /** Only a preview build carries drafts; a production manifest never contains one. */
  readonly draft: boolean;
  /** The series the essay is a part of, by slug, or null. */
  readonly series: string | null;
  /** Old paths that answer 301 to this essay. */
  readonly aliases: readonly string[];
  readonly readingMinutes: number;
  /**
   * Positions in Manifest.essays of the essays related to this one, best first (src/generator/related.ts);
   * the Worker shows the first SITE.relatedEssays of them that are public.
   */
  readonly related: readonly number[];
  /** Its own social card, an absolute path in the static assets; null where the default card stands in. */
  readonly card: string | null;
  /** Where its Body is in the Worker's static assets (see bodyPath). */
  readonly body: string;
  /** The post's path relative to the project root, for messages that point back at it. */
  readonly source: string;
}

/**
 * What only an essay's own page, its .md and its feed entries need. It lives outside the Worker script,
 * one static asset per essay, so the script's size does not grow with the essays' length.
 */
export interface Body {
  /** sha256 of the post file it was made from: the preview's bodies are checked against it. */
  readonly source: string;
  /** Rendered at build time from trusted Markdown; the layout inserts it unescaped. */
  readonly html: string;
  /** The post's source as the author wrote it (UTF-8, LF line endings), served at /writing/<slug>.md. */
  readonly markdown: string;
  /** The `##` sections, for the table of contents; empty when it is not shown. */
  readonly toc: readonly TocEntry[];
  readonly words: number;
  /** The prose as plain text, one block a line, code blocks left out: what search shows snippets of. */
  readonly text: string;
}

/** The assets folder that holds the bodies; wrangler.toml's run_worker_first keeps every path in it private. */
export const BODIES_DIR = "_bodies";

/**
 * A production body is named by the sha256 of its bytes, so it never changes under a name and the Worker
 * can check what it reads. The preview's is named by slug and rewritten in place on every save, so that
 * `npm run dev` serves a new body without reloading the Worker (its assets layer sees changed files, not new ones).
 */
export const bodyPath = (mode: BuildMode, slug: string, hash: string): string =>
  mode === "production" ? `/${BODIES_DIR}/${hash}.json` : `/${BODIES_DIR}/preview/${slug}.json`;

/** The sha256 a production body path names, or null for a preview path. */
export const bodyHash = (path: string): string | null => /\/([0-9a-f]{64})\.json$/.exec(path)?.[1] ?? null;

export type TocEntry = { readonly id: string; readonly text: string };

export interface Page {
  readonly slug: string;
  readonly title: string;
  readonly summary: string | null;
  readonly draft: boolean;
  readonly html: string;
  readonly source: string;
}

/** "preview" is what `npm run dev` serves: drafts, and scheduled essays before their date. */
export type BuildMode = "production" | "preview";

export interface Manifest {
  readonly mode: BuildMode;
  /** The fingerprinted stylesheet URL, e.g. "/style.3f2a9c1b0d.css". */
  readonly stylesheet: string;
  /** Newest first; ties broken by slug so the order never depends on the file system. */
  readonly essays: readonly Essay[];
  /** Sorted by slug. */
  readonly pages: readonly Page[];
  /** The search index's table (src/search.ts), in the static assets with the bodies. */
  readonly search: string;
}
