// What the site shows at an instant. Essays become public at 00:00 UTC on their date, so the
// visible set only changes at known instants; between two of them everything list-shaped is
// fixed. An Epoch is that fixed state, computed once and reused by every request until the next
// essay goes live: the visible essays, their tags, the paths that exist, the list validators, and
// a memo of rendered bodies.

import type { Essay, Manifest } from "../manifest.ts";
import { PATHS } from "../urls.ts";

export interface Epoch {
  /** Newest first. */
  readonly essays: readonly Essay[];
  readonly essayBySlug: ReadonlyMap<string, Essay>;
  /** Tag -> its visible essays (newest first), tags in alphabetical order. */
  readonly tags: ReadonlyMap<string, readonly Essay[]>;
  /** Every canonical path that answers 200 in this epoch. */
  readonly paths: ReadonlySet<string>;
  /** Strong ETag of every response whose content is a function of the visible set. */
  readonly listEtag: string;
  /** The newest `modified` among visible essays, or null when there are none. */
  readonly lastModified: string | null;
  /** When the next scheduled essay goes live (ms since the epoch), or null. */
  readonly nextChange: number | null;
  /** Renders a body once per epoch and path. */
  readonly memo: (key: string, render: () => string) => string;
}

const publishedAt = (essay: Essay): number => Date.parse(essay.published);

/** Index of the newest essay visible at `now` in a newest-first list (its length when none is). */
const firstVisible = (essays: readonly Essay[], now: number): number => {
  let low = 0;
  let high = essays.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (publishedAt(essays[middle] as Essay) <= now) high = middle;
    else low = middle + 1;
  }
  return low;
};

const buildEpoch = (manifest: Manifest, first: number): Epoch => {
  const essays = manifest.essays.slice(first);
  const newest = essays[0];
  const next = manifest.essays[first - 1];

  const byTag = new Map<string, Essay[]>();
  for (const essay of essays) {
    for (const tag of essay.tags) byTag.set(tag, [...(byTag.get(tag) ?? []), essay]);
  }
  const tags = new Map([...byTag].sort(([a], [b]) => (a < b ? -1 : 1)));

  const paths = new Set<string>([PATHS.home, PATHS.writing, PATHS.tags, PATHS.sitemap, PATHS.robots, PATHS.llms]);
  for (const format of ["atom", "rss", "json"] as const) {
    paths.add(PATHS.feed(format));
    for (const tag of tags.keys()) paths.add(PATHS.feed(format, tag));
  }
  for (const essay of essays) paths.add(PATHS.essay(essay.slug)).add(PATHS.essayMarkdown(essay.slug));
  for (const tag of tags.keys()) paths.add(PATHS.tag(tag));
  for (const page of manifest.pages) paths.add(PATHS.page(page.slug));

  const bodies = new Map<string, string>();
  return {
    essays,
    essayBySlug: new Map(essays.map((essay) => [essay.slug, essay])),
    tags,
    paths,
    listEtag: `"${manifest.renderFingerprint}-${newest?.chain ?? "none"}"`,
    lastModified: newest?.chainModified ?? null,
    nextChange: next ? publishedAt(next) : null,
    memo: (key, render) => {
      let body = bodies.get(key);
      if (body === undefined) {
        body = render();
        bodies.set(key, body);
      }
      return body;
    },
  };
};

/** The epoch in force at an instant; each is built once. */
export const epochs = (manifest: Manifest): ((now: number) => Epoch) => {
  const built = new Map<number, Epoch>();
  return (now) => {
    const first = firstVisible(manifest.essays, now);
    let epoch = built.get(first);
    if (!epoch) {
      epoch = buildEpoch(manifest, first);
      built.set(first, epoch);
    }
    return epoch;
  };
};
