// Every path the posts make, and from when and for whom it exists: what the link and alias checks
// read. Paths come from BASE_PATHS and contentPaths() in src/urls.ts, which make the sitePaths()
// the Worker routes by, so the build cannot believe in a URL the Worker would not serve.

import { BASE_PATHS, contentPaths } from "../urls.ts";
import type { UnfingerprintedEssay, UnfingerprintedPage } from "./fingerprint.ts";
import type { PostFacts } from "./post.ts";

export interface Target {
  /** What the path is, in words, for messages. */
  readonly what: string;
  /** The first day (YYYY-MM-DD) the path answers, or null when it always does. */
  readonly from: string | null;
  /** True when only drafts make the path exist: it is absent from production. */
  readonly draft: boolean;
  /** The ids in the page, when the path is a post: what a #fragment may name. */
  readonly anchors: ReadonlySet<string> | null;
}

export interface IndexedEssay {
  readonly essay: UnfingerprintedEssay;
  readonly facts: PostFacts;
}

export interface IndexedPage {
  readonly page: UnfingerprintedPage;
  readonly facts: PostFacts;
}

/** The earliest date among published essays, or, when only drafts have it, the drafts' earliest. */
const availability = (essays: readonly UnfingerprintedEssay[]): { from: string; draft: boolean } => {
  const published = essays.filter((essay) => !essay.draft);
  const candidates = published.length > 0 ? published : essays;
  return { from: candidates.map((essay) => essay.date).sort()[0] ?? "", draft: published.length === 0 };
};

const grouped = (essays: readonly UnfingerprintedEssay[], keys: (essay: UnfingerprintedEssay) => readonly string[]): Map<string, UnfingerprintedEssay[]> => {
  const groups = new Map<string, UnfingerprintedEssay[]>();
  for (const essay of essays) {
    for (const key of keys(essay)) {
      const group = groups.get(key);
      if (group === undefined) groups.set(key, [essay]);
      else group.push(essay);
    }
  }
  return groups;
};

export const siteIndex = (essays: readonly IndexedEssay[], pages: readonly IndexedPage[]): ReadonlyMap<string, Target> => {
  const index = new Map<string, Target>();
  for (const path of BASE_PATHS) index.set(path, { what: "a page of the site", from: null, draft: false, anchors: null });
  for (const { page, facts } of pages) {
    for (const path of contentPaths({ pages: [page.slug] })) index.set(path, { what: `the page ${facts.file}`, from: null, draft: page.draft, anchors: new Set(facts.anchors) });
  }
  for (const { essay, facts } of essays) {
    for (const path of contentPaths({ essays: [essay.slug] })) {
      index.set(path, { what: `the essay ${facts.file}`, from: essay.date, draft: essay.draft, anchors: path === facts.path ? new Set(facts.anchors) : null });
    }
  }
  const all = essays.map(({ essay }) => essay);
  for (const [tag, tagged] of grouped(all, (essay) => essay.tags)) {
    for (const path of contentPaths({ tags: [tag] })) index.set(path, { what: `the tag ${tag}`, ...availability(tagged), anchors: null });
  }
  for (const [series, parts] of grouped(all, (essay) => (essay.series === null ? [] : [essay.series]))) {
    for (const path of contentPaths({ series: [series] })) index.set(path, { what: `the series ${series}`, ...availability(parts), anchors: null });
  }
  return index;
};
