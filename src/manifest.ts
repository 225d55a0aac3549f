// The manifest: what the build writes and the Worker reads. The build validates every field
// before it writes one; the Worker trusts this shape and nothing else.

export interface Essay {
  readonly slug: string;
  /** YYYY-MM-DD, from the filename only; the essay is published at 00:00 UTC that day. */
  readonly date: string;
  readonly title: string;
  /** The one-line subtitle shown under the title. */
  readonly dek: string;
  /** Plain text: the index, feeds and the meta description use it. */
  readonly summary: string;
  readonly tags: readonly string[];
  /** YYYY-MM-DD or an RFC 3339 date-time in UTC, or null when never revised. */
  readonly updated: string | null;
  /** Only a preview build carries drafts; a production manifest never contains one. */
  readonly draft: boolean;
  readonly words: number;
  readonly readingMinutes: number;
  /** Rendered at build time from trusted Markdown; the layout inserts it unescaped. */
  readonly html: string;
  /** The post's path relative to the project root, for messages that point back at it. */
  readonly source: string;
}

export interface Page {
  readonly slug: string;
  readonly title: string;
  readonly summary: string | null;
  readonly draft: boolean;
  readonly html: string;
  readonly source: string;
}

export type BuildMode = "production" | "preview";

export interface Manifest {
  /** "preview" includes drafts and is what `npm run dev` serves; "production" is what deploys. */
  readonly mode: BuildMode;
  /** Newest first; ties broken by slug so the order never depends on the file system. */
  readonly essays: readonly Essay[];
  /** Sorted by slug. */
  readonly pages: readonly Page[];
}
