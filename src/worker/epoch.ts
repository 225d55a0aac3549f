// What the site shows at an instant. Essays become public at 00:00 UTC on their date, so the
// visible set only changes at known instants; between two of them everything list-shaped is
// fixed. An Epoch is that fixed state, computed once and reused by every request until the next
// essay goes live: the visible essays, their tags, the paths that exist, the list validators, and
// the answers already made, by path.

import type { Essay, Manifest } from "../manifest.ts";
import { aliasRedirects, sitePaths } from "../urls.ts";
import type { Answer } from "./answer.ts";

export interface Epoch {
  /** Newest first. */
  readonly essays: readonly Essay[];
  readonly essayBySlug: ReadonlyMap<string, Essay>;
  /** Tag -> its visible essays (newest first), tags in alphabetical order. */
  readonly tags: ReadonlyMap<string, readonly Essay[]>;
  /** Series -> its visible parts in reading order (oldest first), series by their first part's date, newest first. */
  readonly series: ReadonlyMap<string, readonly Essay[]>;
  /** Old path -> the canonical path of a visible essay it redirects to. */
  readonly aliases: ReadonlyMap<string, string>;
  /** Every canonical path that answers 200 in this epoch. */
  readonly paths: ReadonlySet<string>;
  /** Strong ETag of every response whose content is a function of the visible set. */
  readonly listEtag: string;
  /** The newest `modified` among visible essays, or null when there are none. */
  readonly lastModified: string | null;
  /** When the next scheduled essay goes live (ms since the epoch), or null. */
  readonly nextChange: number | null;
  /** The answers made in this epoch, by routed path. */
  readonly answers: Map<string, Answer>;
}

const publishedAt = (essay: Essay): number => Date.parse(essay.published);

/** Essays grouped by keys, each group in the order of `essays`. */
const groups = (essays: readonly Essay[], keys: (essay: Essay) => readonly string[]): Map<string, Essay[]> => {
  const grouped = new Map<string, Essay[]>();
  for (const essay of essays) for (const key of keys(essay)) grouped.set(key, [...(grouped.get(key) ?? []), essay]);
  return grouped;
};

const firstDate = (parts: readonly Essay[]): string => parts[0]?.date ?? "";

/** Index of the first instant at or before `now` in a newest-first list (its length when none is). */
const firstVisible = (instants: readonly number[], now: number): number => {
  let low = 0;
  let high = instants.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((instants[middle] ?? 0) <= now) high = middle;
    else low = middle + 1;
  }
  return low;
};

const buildEpoch = (manifest: Manifest, first: number): Epoch => {
  const essays = manifest.essays.slice(first);
  const newest = essays[0];
  const next = manifest.essays[first - 1];

  const tags = new Map([...groups(essays, (essay) => essay.tags)].sort(([a], [b]) => (a < b ? -1 : 1)));
  const oldestFirst = [...essays].reverse();
  const series = new Map(
    [...groups(oldestFirst, (essay) => (essay.series === null ? [] : [essay.series]))].sort(([, a], [, b]) => (firstDate(a) < firstDate(b) ? 1 : -1)),
  );
  const aliases = new Map(essays.flatMap((essay) => essay.aliases.flatMap((alias) => aliasRedirects(alias, essay.slug))));
  const paths = sitePaths({
    essays: essays.map((essay) => essay.slug),
    pages: manifest.pages.map((page) => page.slug),
    tags: [...tags.keys()],
    series: [...series.keys()],
  });

  return {
    essays,
    essayBySlug: new Map(essays.map((essay) => [essay.slug, essay])),
    tags,
    series,
    aliases,
    paths,
    listEtag: `"${manifest.renderFingerprint}-${manifest.pagesFingerprint}-${newest?.chain ?? "none"}"`,
    lastModified: newest?.chainModified ?? null,
    nextChange: next ? publishedAt(next) : null,
    answers: new Map(),
  };
};

/**
 * The epoch in force at an instant; each is built once. The preview shows the author everything,
 * scheduled essays included, so it has a single epoch.
 */
export const epochs = (manifest: Manifest): ((now: number) => Epoch) => {
  const built = new Map<number, Epoch>();
  const instants = manifest.essays.map(publishedAt);
  return (now) => {
    const first = manifest.mode === "preview" ? 0 : firstVisible(instants, now);
    let epoch = built.get(first);
    if (!epoch) {
      epoch = buildEpoch(manifest, first);
      built.set(first, epoch);
    }
    return epoch;
  };
};
