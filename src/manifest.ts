// The manifest: what the build writes and the Worker reads. The build validates every field
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
  /** The `##` sections, for the table of contents; empty when it is not shown. */
  readonly toc: readonly TocEntry[];
  /** Old paths that answer 301 to this essay. */
  readonly aliases: readonly string[];
  readonly words: number;
  readonly readingMinutes: number;
  /** Rendered at build time from trusted Markdown; the layout inserts it unescaped. */
  readonly html: string;
  /**
   * `html` with every URL attribute made absolute, for feed readers; null when it is exactly
   * `absoluteUrlsIn(html, <the essay's URL>)` (src/urls.ts), which the build checked byte for byte.
   */
  readonly feedHtml: string | null;
  /** The post's source as the author wrote it (UTF-8, LF line endings), served at /writing/<slug>.md. */
  readonly markdown: string;
  /** A hash of everything the essay serves (all but `source`): equal fingerprints, equal essay. */
  readonly fingerprint: string;
  /**
   * A hash of this essay's fingerprint and those of every essay after it in the list (all older
   * ones). When this is the newest visible essay, it fingerprints the whole visible set.
   */
  readonly chain: string;
  /** The latest `modified` of this essay and every older one. */
  readonly chainModified: string;
  /**
   * The essay's page shows other essays (its neighbours, the other parts of its series), so its
   * content is this essay's plus theirs. This fingerprints the page as it is once all are public.
   */
  readonly pageFingerprint: string;
  /** The newer essays the page shows once they are public; how many are public picks the version. */
  readonly dependents: readonly string[];
  /** The post's path relative to the project root, for messages that point back at it. */
  readonly source: string;
}

export interface TocEntry {
  readonly id: string;
  readonly text: string;
}

export interface Page {
  readonly slug: string;
  readonly title: string;
  readonly summary: string | null;
  readonly draft: boolean;
  readonly html: string;
  readonly fingerprint: string;
  readonly source: string;
}

export type BuildMode = "production" | "preview";

export interface Manifest {
  /**
   * "preview" is what `npm run dev` serves: drafts included, and scheduled essays shown before their
   * date. "production" is what deploys.
   */
  readonly mode: BuildMode;
  /**
   * A hash of the code and configuration that turn this manifest into responses (the Worker's
   * source, the shared modules, Hono's version, the stylesheet URL). Every ETag starts with it,
   * so a change of layout changes every ETag even when no post changed.
   */
  readonly renderFingerprint: string;
  /** A hash of every page's fingerprint: lists that show pages (the sitemap, llms.txt) change with it. */
  readonly pagesFingerprint: string;
  /** The fingerprinted stylesheet URL, e.g. "/style.3f2a9c1b.css". */
  readonly stylesheet: string;
  /**
   * The headers every response carries, as Hono's secureHeaders middleware sets them from
   * SECURITY_HEADERS in src/security.ts; the build runs that middleware once, so requests don't.
   */
  readonly securityHeaders: readonly (readonly [string, string])[];
  /** Newest first; ties broken by slug so the order never depends on the file system. */
  readonly essays: readonly Essay[];
  /** Sorted by slug. */
  readonly pages: readonly Page[];
}
