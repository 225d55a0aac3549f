// Site configuration: plain constants that both the build (Node) and the Worker (workerd) import.

export const SITE = {
  name: "fmlops.dev",
  /** The canonical origin: every absolute URL the site prints starts with this. */
  baseUrl: "https://fmlops.dev",
  /** Requests for this host are redirected to the canonical one. */
  wwwHost: "www.fmlops.dev",
  language: "en",
  /** The site in a few words: the home page's heading, the footer, the social card. */
  tagline: "Essays on the contracts nobody wrote down",
  favicon: "/favicon.svg",
  /** The favicon as opaque PNGs, 180 and 512 pixels square: iOS and feed readers want a bitmap. */
  icons: { appleTouch: "/apple-touch-icon.png", large: "/icon-512.png" },
  author: "fmlops.dev",
  description:
    "Essays on one kind of bug: the unwritten contract between two parts of a system, and the structural fix that writes it down.",
  introduction:
    "Every essay here is about one bug of a single shape: two parts of a system that share a convention nobody wrote down, and read it differently until something breaks. A handoff file with two writers, a cursor file whose absence means two things, an index that forgets a file on disk, a hash that flips on every fetch. The fix is never “be more careful”. It is a filename grammar, a hook, an audit, a marker on a generated file: a contract a machine checks.",
  /** How many essays the home page lists before linking to the full index. */
  homeEssayCount: 5,
  /** Reading speed used for "N min" on essays; a common figure for technical prose. */
  wordsPerMinute: 230,
  /** An essay shows a table of contents from this many `##` sections on (front matter `toc: false` hides it). */
  tocMinSections: 3,
  /** How many related essays (most shared tags, then nearest in date) the end of an essay lists. */
  relatedEssays: 3,
  /** How many of the newest essays each feed carries, in full. */
  feedLimit: 20,
  /** The picture social cards show for every page, in public/. */
  socialImage: {
    path: "/og-default.png",
    width: 1200,
    height: 630,
    alt: "fmlops.dev: essays on the contracts nobody wrote down",
  },
} as const;

// How a date reads on a page and on a social card. Every time on the site is UTC.
const LONG_DATE = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });

/** "2026-10-27" or "2026-10-27T09:30:00Z" -> "27 October 2026". */
export const longDate = (isoDate: string): string =>
  LONG_DATE.format(new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate));

// Seconds a response may be reused before it is revalidated: short for pages and feeds, whose 304s are
// cheap (and never past a scheduled essay's instant); a year for the stylesheet and the social cards, whose
// names change with what they hold.
export const CACHE_POLICY = {
  html: 300,
  /** Search pages: a query is rarely repeated, and a new deploy should show in its results soon. */
  search: 60,
  feed: 900,
  text: 3600,
  fingerprintedAsset: 31_536_000,
  asset: 86_400,
} as const;

/** The Cache-Control value for `seconds` of CACHE_POLICY, said one way by the Worker and by public/_headers. */
export const cacheControl = (seconds: number, immutable = false): string =>
  `public, max-age=${seconds}${immutable ? ", immutable" : ""}`;
